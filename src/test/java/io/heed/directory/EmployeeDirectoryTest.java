package io.heed.directory;

import static io.heed.support.Api.asAdmin;
import static io.heed.support.Api.asRegionOfficer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.heed.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EmployeeDirectoryTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    void seed() {
        Database.reset(dataSource);
        EmployeeImportTest.importCsv(
                        "email,name,region,department\n"
                                + "ada@example.com,Ada Lovelace,EMEA,Engineering\n"
                                + "bob@example.com,Bob 100%_Sure,EMEA,Sales\n"
                                + "carla@example.com,Carla,AMER,Engineering\n"
                                + "dan@example.com,Dan,APAC,Engineering\n"
                                + "eve@example.com,Eve,APAC,Sales\n",
                        "")
                .statusCode(200);
        EmployeeImportTest.importCsv(
                        "email,name,region,department\n"
                                + "ada@example.com,Ada Lovelace,EMEA,Engineering\n"
                                + "bob@example.com,Bob 100%_Sure,EMEA,Sales\n"
                                + "carla@example.com,Carla,AMER,Engineering\n"
                                + "dan@example.com,Dan,APAC,Engineering\n",
                        "?deactivateMissing=true")
                .statusCode(200)
                .body("deactivated", equalTo(1));
    }

    @Test
    void listsFilterByRegionDepartmentTextAndActive() {
        asAdmin()
                .get("/api/v1/employees")
                .then()
                .body("total", equalTo(5))
                .body(
                        "items.email",
                        contains(
                                "ada@example.com",
                                "bob@example.com",
                                "carla@example.com",
                                "dan@example.com",
                                "eve@example.com"));
        asAdmin()
                .queryParam("region", "EMEA")
                .get("/api/v1/employees")
                .then()
                .body("items.email", contains("ada@example.com", "bob@example.com"));
        asAdmin()
                .queryParam("department", "Engineering")
                .get("/api/v1/employees")
                .then()
                .body("total", equalTo(3));
        asAdmin()
                .queryParam("q", "LOVE")
                .get("/api/v1/employees")
                .then()
                .body("items.email", contains("ada@example.com"));
        // LIKE wildcards in the search text are literal characters.
        asAdmin()
                .queryParam("q", "%_")
                .get("/api/v1/employees")
                .then()
                .body("items.email", contains("bob@example.com"));
        asAdmin()
                .queryParam("active", false)
                .get("/api/v1/employees")
                .then()
                .body("items.email", contains("eve@example.com"));
        asAdmin()
                .queryParam("region", "APAC")
                .queryParam("active", true)
                .get("/api/v1/employees")
                .then()
                .body("items.email", contains("dan@example.com"));
    }

    @Test
    void pagesAreStableAndBounded() {
        asAdmin()
                .queryParam("size", 2)
                .queryParam("page", 1)
                .get("/api/v1/employees")
                .then()
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("total", equalTo(5))
                .body("items.email", contains("carla@example.com", "dan@example.com"));
        asAdmin()
                .queryParam("size", 0)
                .get("/api/v1/employees")
                .then()
                .statusCode(400)
                .body("reason", containsString("size"));
        asAdmin().queryParam("size", 501).get("/api/v1/employees").then().statusCode(400);
        asAdmin().queryParam("page", -1).get("/api/v1/employees").then().statusCode(400);
        asAdmin()
                .queryParam("active", "perhaps")
                .get("/api/v1/employees")
                .then()
                .statusCode(400)
                .body("reason", equalTo("active: must be true or false."));
    }

    @Test
    void regionsListActiveHeadcount() {
        asAdmin()
                .get("/api/v1/regions")
                .then()
                .statusCode(200)
                .body("region", contains("AMER", "APAC", "EMEA"))
                .body("activeEmployees", contains(1, 1, 2));
    }

    @Test
    void unknownEmployeeIs404WithJson() {
        asAdmin()
                .get("/api/v1/employees/ghost@example.com")
                .then()
                .statusCode(404)
                .body("reason", equalTo("No employee ghost@example.com in the directory."));
    }

    @Test
    void regionOfficersSeeOnlyTheirRegions() {
        asRegionOfficer("EMEA")
                .get("/api/v1/employees")
                .then()
                .body("total", equalTo(2))
                .body("items.region", hasSize(2));
        asRegionOfficer("EMEA")
                .queryParam("region", "AMER")
                .get("/api/v1/employees")
                .then()
                .body("items", empty())
                .body("total", equalTo(0));
        asRegionOfficer("EMEA")
                .get("/api/v1/employees/carla@example.com")
                .then()
                .statusCode(404);
        asRegionOfficer("EMEA").get("/api/v1/employees/ada@example.com").then().statusCode(200);
        asRegionOfficer("EMEA", "APAC").get("/api/v1/regions").then().body("region", contains("APAC", "EMEA"));
        asRegionOfficer("EMEA")
                .contentType("text/csv")
                .body("email,name,region\nx@example.com,X,EMEA\n")
                .post("/api/v1/employees/import")
                .then()
                .statusCode(403);
    }
}
