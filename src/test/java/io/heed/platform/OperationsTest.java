package io.heed.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What an operator's probes and scrapers rely on. */
@QuarkusTest
class OperationsTest {

    @Test
    void healthChecksTheDatabase() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database connections health check")));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDescribesTheApi() {
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/employees/import'.post", notNullValue())
                .body("paths.'/api/v1/regions'.get", notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
