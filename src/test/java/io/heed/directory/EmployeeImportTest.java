package io.heed.directory;

import static io.heed.support.Api.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.heed.support.Api;
import io.heed.support.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EmployeeImportTest {

    static final String HEADER = "email,name,region,department,country,manager_email,locale,timezone\n";

    @Inject
    DataSource dataSource;

    @BeforeEach
    void emptyDirectory() {
        Database.reset(dataSource);
    }

    static ValidatableResponse importCsv(String csv, String query) {
        return Api.importEmployees(csv, query);
    }

    @Test
    void importsEveryColumnAndReportsCounts() {
        importCsv(
                        HEADER
                                + "ada@example.com,Ada Lovelace,EMEA,Engineering,GB,grace@example.com,en-GB,Europe/London\n"
                                + "grace@example.com,Grace Hopper,AMER,Engineering,US,,en,America/New_York\n"
                                + "linus@example.com,Linus,EMEA,,,,,\n",
                        "")
                .statusCode(200)
                .body("created", equalTo(3))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(0))
                .body("rejected", empty());

        asAdmin()
                .get("/api/v1/employees/ADA@example.com")
                .then()
                .statusCode(200)
                .body("email", equalTo("ada@example.com"))
                .body("name", equalTo("Ada Lovelace"))
                .body("region", equalTo("EMEA"))
                .body("department", equalTo("Engineering"))
                .body("country", equalTo("GB"))
                .body("managerEmail", equalTo("grace@example.com"))
                .body("locale", equalTo("en-GB"))
                .body("timezone", equalTo("Europe/London"))
                .body("active", equalTo(true));
        asAdmin()
                .get("/api/v1/employees/linus@example.com")
                .then()
                .body("locale", equalTo("en"))
                .body("timezone", equalTo("UTC"))
                .body("department", nullValue())
                .body("country", nullValue());
    }

    @Test
    void secondImportUpdatesAndThirdFindsNothingChanged() {
        String first = HEADER + "ada@example.com,Ada,EMEA,R&D,GB,,,\n"
                + "bob@example.com,Bob,EMEA,Sales,DE,,de,Europe/Berlin\n";
        importCsv(first, "").statusCode(200).body("created", equalTo(2));

        // Same people, one changed department; the address differs in case and spacing only.
        String second = HEADER + " ADA@Example.com ,Ada,EMEA,Research,GB,,,\n"
                + "bob@example.com,Bob,EMEA,Sales,DE,,de,Europe/Berlin\n";
        importCsv(second, "")
                .statusCode(200)
                .body("created", equalTo(0))
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(1));
        importCsv(second, "")
                .statusCode(200)
                .body("created", equalTo(0))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(2));

        assertEquals(2, Database.count(dataSource, "select count(*) from employee"));
        asAdmin().get("/api/v1/employees/ada@example.com").then().body("department", equalTo("Research"));
    }

    @Test
    void everyBadValueRejectsItsRowWithAReasonNamingTheColumn() {
        String csv = HEADER
                + "good@example.com,Good,EMEA,,,,,\n" // line 2
                + "not-an-address,Bad Email,EMEA,,,,,\n" // 3
                + "noname@example.com,,EMEA,,,,,\n" // 4
                + "noregion@example.com,No Region,,,,,,\n" // 5
                + "country@example.com,Country,EMEA,,XX,,,\n" // 6
                + "uk@example.com,UK,EMEA,,UK,,,\n" // 7
                + "locale@example.com,Locale,EMEA,,,,not_a_locale!,\n" // 8
                + "zone@example.com,Zone,EMEA,,,,,Mars/Olympus\n" // 9
                + "manager@example.com,Manager,EMEA,,,boss-at-example,,\n" // 10
                + "self@example.com,Self,EMEA,,,SELF@example.com,,\n" // 11
                + "long@example.com," + "x".repeat(201) + ",EMEA,,,,,\n" // 12
                + "fields@example.com,Too Few,EMEA\n" // 13
                + "good@example.com,Again,EMEA,,,,,\n" // 14
                + ",No Email,EMEA,,,,,\n"; // 15
        ValidatableResponse response = importCsv(csv, "").statusCode(200).body("created", equalTo(1));
        List<Map<String, Object>> rejected = response.extract().path("rejected");
        assertEquals(13, rejected.size(), rejected.toString());
        assertRejected(rejected, 3, "not-an-address", "email: 'not-an-address' is not a valid e-mail address");
        assertRejected(rejected, 4, "noname@example.com", "name: required");
        assertRejected(rejected, 5, "noregion@example.com", "region: required");
        assertRejected(rejected, 6, "country@example.com", "country: 'XX' is not an ISO 3166-1 alpha-2 code");
        assertRejected(rejected, 7, "uk@example.com", "(did you mean GB?)");
        assertRejected(rejected, 8, "locale@example.com", "locale: 'not_a_locale!' is not a BCP 47 language tag");
        assertRejected(rejected, 9, "zone@example.com", "timezone: 'Mars/Olympus' is not an IANA time-zone id");
        assertRejected(
                rejected, 10, "manager@example.com", "manager_email: 'boss-at-example' is not a valid e-mail address");
        assertRejected(rejected, 11, "self@example.com", "manager_email: an employee cannot be their own manager");
        assertRejected(rejected, 12, "long@example.com", "name: longer than 200 characters");
        assertRejected(rejected, 13, "fields@example.com", "expected 8 fields as in the header, found 3");
        assertRejected(rejected, 14, "good@example.com", "email: duplicate of line 2");
        assertRejected(rejected, 15, "", "email: required");

        assertEquals(1, Database.count(dataSource, "select count(*) from employee"));
        asAdmin().get("/api/v1/employees/good@example.com").then().body("name", equalTo("Good"));
    }

    @Test
    void aRowWithSeveralProblemsListsThemAll() {
        List<Map<String, Object>> rejected = importCsv(HEADER + "x@example.com,,EMEA,,ZZ,,,Nowhere\n", "")
                .statusCode(200)
                .extract()
                .path("rejected");
        assertEquals(1, rejected.size());
        String reason = (String) rejected.get(0).get("reason");
        assertEquals(
                "name: required; country: 'ZZ' is not an ISO 3166-1 alpha-2 code; timezone: 'Nowhere' is not an IANA"
                        + " time-zone id (e.g. Europe/Berlin)",
                reason);
    }

    @Test
    void lineNumbersCountQuotedLineBreaksBlankLinesAndCrlf() {
        String csv = "email,name,region\r\n"
                + "a@example.com,\"Multi\r\nLine\",EMEA\r\n" // lines 2-3
                + "\r\n" // 4, blank
                + "bad,\"B\",EMEA\r\n"; // 5
        List<Map<String, Object>> rejected = importCsv(csv, "")
                .statusCode(200)
                .body("created", equalTo(1))
                .extract()
                .path("rejected");
        assertEquals(1, rejected.size());
        assertEquals(5, rejected.get(0).get("line"));
        asAdmin().get("/api/v1/employees/a@example.com").then().body("name", equalTo("Multi\r\nLine"));
    }

    @Test
    void dryRunReportsButWritesNothing() {
        importCsv(HEADER + "ada@example.com,Ada,EMEA,,,,,\n", "").statusCode(200);

        importCsv(
                        HEADER + "ada@example.com,Ada Byron,EMEA,,,,,\n" + "new@example.com,New,AMER,,,,,\n"
                                + "bad,Bad,X,,,,,\n",
                        "?dryRun=true&deactivateMissing=true")
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("created", equalTo(1))
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(0))
                .body("deactivated", equalTo(0))
                .body("rejected", hasSize(1));

        assertEquals(1, Database.count(dataSource, "select count(*) from employee"));
        asAdmin().get("/api/v1/employees/ada@example.com").then().body("name", equalTo("Ada"));
        assertEquals(
                1,
                Database.count(dataSource, "select count(*) from audit_event where action = 'directory.import'"),
                "only the first, real import is audited");
    }

    @Test
    void deactivateMissingMarksAbsentEmployeesInactiveAndKeepsThem() {
        importCsv(
                        HEADER + "stays@example.com,Stays,EMEA,,,,,\n" + "leaves@example.com,Leaves,EMEA,,,,,\n"
                                + "typo@example.com,Typo,EMEA,,,,,\n",
                        "")
                .statusCode(200);

        // typo@ is still in the file, with a bad country: rejected, but not deactivated for it.
        importCsv(
                        HEADER + "stays@example.com,Stays,EMEA,,,,,\n" + "typo@example.com,Typo,EMEA,,XX,,,\n",
                        "?deactivateMissing=true")
                .statusCode(200)
                .body("deactivated", equalTo(1))
                .body("unchanged", equalTo(1))
                .body("rejected", hasSize(1));

        asAdmin()
                .get("/api/v1/employees/leaves@example.com")
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("deactivatedAt", not(nullValue()));
        asAdmin().get("/api/v1/employees/typo@example.com").then().body("active", equalTo(true));

        // Coming back reactivates.
        importCsv(HEADER + "leaves@example.com,Leaves,EMEA,,,,,\n", "")
                .statusCode(200)
                .body("updated", equalTo(1));
        asAdmin()
                .get("/api/v1/employees/leaves@example.com")
                .then()
                .body("active", equalTo(true))
                .body("deactivatedAt", nullValue());
    }

    @Test
    void unbalancedQuoteIsRefusedAndNothingIsWritten() {
        importCsv(
                        HEADER + "ok@example.com,Ok,EMEA,,,,,\n" + "broken@example.com,\"Never closed,EMEA,,,,,\n"
                                + "after@example.com,After,EMEA,,,,,\n",
                        "")
                .statusCode(400)
                .body("status", equalTo(400))
                .body("reason", equalTo("Malformed CSV: the quoted field opened on line 3 is never closed."))
                .body(not(containsString("Exception")));
        assertEquals(0, Database.count(dataSource, "select count(*) from employee"));
    }

    @Test
    void badHeadersAreRefusedAsAWhole() {
        importCsv("email,name,region,shoe_size\na@example.com,A,EMEA,42\n", "")
                .statusCode(400)
                .body("reason", containsString("Unknown column 'shoe_size'"));
        importCsv("email,name\na@example.com,A\n", "")
                .statusCode(400)
                .body("reason", containsString("Missing required column(s) in the header: region"));
        importCsv("email,name,region,email\n", "").statusCode(400).body("reason", containsString("appears twice"));
        importCsv("", "").statusCode(400).body("reason", containsString("header row is required"));
        assertEquals(0, Database.count(dataSource, "select count(*) from employee"));
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] latin1 = "email,name,region\nz@example.com,Zoë,EMEA\n".getBytes(StandardCharsets.ISO_8859_1);
        asAdmin()
                .contentType("text/csv")
                .body(latin1)
                .post("/api/v1/employees/import")
                .then()
                .statusCode(400)
                .body("reason", equalTo("The file is not valid UTF-8."));
    }

    @Test
    void otherContentTypesAreRefusedWithJson() {
        asAdmin()
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/employees/import")
                .then()
                .statusCode(415)
                .body("status", equalTo(415))
                .body("reason", containsString("Content-Type"));
    }

    @Test
    void nonAsciiAndHostileValuesRoundTripAsData() {
        String bom = "\uFEFF";
        String csv = bom + "email,name,region,department\r\n"
                + "zoe@example.com,Zoë Ångström-Łukasiewicz 山田,EMEA,Forschung & Entwicklung\r\n"
                + "formula@example.com,\"=cmd|' /C calc'!A0\",EMEA,\"<script>alert(1)</script>\"\r\n";
        importCsv(csv, "").statusCode(200).body("created", equalTo(2));
        asAdmin().get("/api/v1/employees/zoe@example.com").then().body("name", equalTo("Zoë Ångström-Łukasiewicz 山田"));
        asAdmin()
                .get("/api/v1/employees/formula@example.com")
                .then()
                .body("name", equalTo("=cmd|' /C calc'!A0"))
                .body("department", equalTo("<script>alert(1)</script>"));
    }

    @Test
    void fiveMegabyteFileImports() {
        StringBuilder csv = new StringBuilder(HEADER);
        int rows = 0;
        while (csv.length() < 5 * 1024 * 1024) {
            csv.append("person")
                    .append(rows)
                    .append("@example.com,Person Number ")
                    .append(rows)
                    .append(",Region ")
                    .append(rows % 7)
                    .append(",Department ")
                    .append(rows % 13)
                    .append(",DE,manager")
                    .append(rows % 50)
                    .append("@example.com,de-DE,Europe/Berlin\n");
            rows++;
        }
        importCsv(csv.toString(), "")
                .statusCode(200)
                .body("created", equalTo(rows))
                .body("rejected", empty());
        assertEquals(rows, Database.count(dataSource, "select count(*) from employee"));
    }

    @Test
    void importIsAudited() {
        importCsv(HEADER + "ada@example.com,Ada,EMEA,,,,,\n", "").statusCode(200);
        asAdmin()
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items[0].action", equalTo("directory.import"))
                .body("items[0].actor", equalTo("token:tests ADMIN[]"))
                .body("items[0].details", containsString("\"created\":1"));
    }

    private static void assertRejected(List<Map<String, Object>> rejected, int line, String email, String reason) {
        Map<String, Object> row = rejected.stream()
                .filter(r -> ((Number) r.get("line")).intValue() == line)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no rejection for line " + line + " in " + rejected));
        assertEquals(email, row.get("email") == null ? "" : row.get("email"), "email of line " + line);
        String actual = (String) row.get("reason");
        if (!actual.contains(reason)) {
            throw new AssertionError(
                    "line " + line + ": expected reason containing <" + reason + "> but was <" + actual + ">");
        }
    }
}
