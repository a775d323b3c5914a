package io.heed.console;

import static io.heed.support.Api.ADMIN_EMAIL;
import static io.heed.support.Api.ADMIN_PASSWORD;
import static io.heed.support.Api.asAdmin;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.support.Browser;
import io.heed.support.ConsoleSession;
import io.heed.support.Database;
import io.heed.support.Scenario;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/** The console's directory: the listing, one employee, and the CSV import as upload → dry run → apply. */
@QuarkusTest
class DirectoryConsoleTest {

    // Line 4 has a broken address; line 5 carries markup and a spreadsheet formula, which must show as text.
    static final String CSV = "email,name,region,department,country,manager_email,locale,timezone\r\n"
            + "anna@example.com,Anna Berg,EMEA,Engineering,DE,mia@example.com,de,Europe/Berlin\r\n"
            + "mia@example.com,Mia Schulz,EMEA,Engineering,DE,,de-DE,Europe/Berlin\r\n"
            + "not-an-address,Broken Row,EMEA,Sales,DE,,en,UTC\r\n"
            + "eve@example.com,<b>Eve</b> Hacker,AMER,=cmd|' /C calc'!A0,US,,en,America/New_York\r\n"
            + "noah@example.com,Noah Brown,AMER,Engineering,US,,en,America/New_York\r\n";

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    static Browser browser;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @BeforeEach
    void reset() {
        Database.reset(dataSource);
        Database.truncate(dataSource, "directory_upload");
    }

    private Browser browser() {
        if (browser == null) {
            browser = Browser.open(base.toString());
        }
        browser.driver().manage().deleteAllCookies();
        return browser;
    }

    private static Path file(String name, String content) throws IOException {
        Path dir = Files.createTempDirectory("heed-upload");
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aCisoImportsTheDirectorySeesTheBadLineThenFindsAndOpensPeople() throws IOException {
        Browser b = browser();
        b.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        b.visit("/console/directory");
        assertTrue(b.text("main").contains("Import your directory"), b.text("main"));
        b.look("directory-empty");

        b.submit("main .empty a.btn-primary");
        assertEquals("/console/directory/import", b.path());
        b.look("directory-import");

        b.find("#f-file").sendKeys(file("people.csv", CSV).toString());
        b.submit("form[action='/console/directory/import'] button[type=submit]");
        b.awaitText("h1", "Dry run of people.csv");
        String rejected = b.text("table.rejected tbody");
        assertTrue(rejected.startsWith("4 not-an-address"), rejected);
        assertTrue(rejected.contains("email"), rejected);
        assertTrue(b.text(".upload-counts").contains("4\nto be created"), b.text(".upload-counts"));
        assertEquals(0, Database.count(dataSource, "select count(*) from employee"), "a dry run writes nothing");
        b.look("directory-dry-run");

        b.submit("form[action$='/apply'] button");
        b.awaitText("h1", "Imported people.csv");
        assertEquals(4, Database.count(dataSource, "select count(*) from employee"));
        assertEquals(
                1, Database.count(dataSource, "select count(*) from audit_event where action = 'directory.import'"));

        b.visit("/console/directory");
        assertTrue(b.text(".results-count").startsWith("4 employees"), b.text(".results-count"));
        // Markup and formulas from the file are text, never markup.
        assertTrue(b.text("#results tbody").contains("<b>Eve</b> Hacker"), b.text("#results tbody"));
        assertTrue(b.findAll("#results b").isEmpty());
        b.look("directory");

        // Search as one types (htmx swaps the results and keeps the address shareable).
        b.type("#f-q", "mia");
        b.awaitText(".results-count", "1 employee match");
        assertTrue(b.text("#results tbody").contains("Mia Schulz"));
        await().atMost(Duration.ofSeconds(5)).until(() -> b.path().contains("q=mia"));
        b.type("#f-q", "");
        new Select(b.find("#f-region")).selectByValue("AMER");
        b.awaitText(".results-count", "2 employees match");
        assertFalse(b.text("#results tbody").contains("Anna Berg"));

        b.visit("/console/directory?department=Engineering&country=de");
        assertTrue(b.text(".results-count").startsWith("2 employees"), b.text(".results-count"));

        // A campaign that asked Anna shows on her page with her state.
        Map<String, Object> request = Scenario.request("Opt out of AI training");
        request.put("sendAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        long campaign = Scenario.createDraft(request);
        Scenario.act(campaign, "launch").statusCode(200);
        b.visit("/console/directory?q=anna");
        b.submit("#results tbody a");
        assertEquals("Anna Berg", b.text("h1"));
        assertTrue(b.text("main").contains("Mia Schulz"), "the manager is named");
        assertTrue(b.text("main").contains("Europe/Berlin"));
        assertTrue(b.text("main").contains("Opt out of AI training"), b.text("main"));
        b.look("directory-employee");
    }

    @Test
    void withoutJavaScriptTheUploadIsCheckedThenAppliedAndAnApplyWithoutTheTokenIsRefused() {
        ConsoleSession console = ConsoleSession.asAdmin(base);
        String location = console.get()
                .multiPart("_csrf", console.csrf())
                .multiPart("file", "people.csv", CSV.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/console/directory/import")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        String path = location.replaceAll("^https?://[^/]+", "");
        assertTrue(path.matches("/console/directory/import/\\d+"), path);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> console.get().get(path).asString().contains("Dry run of people.csv"));
        String dryRun = console.get().get(path).then().statusCode(200).extract().asString();
        assertTrue(dryRun.contains("&lt;b&gt;Eve&lt;/b&gt;") || !dryRun.contains("<b>Eve</b>"));
        assertTrue(dryRun.contains("not-an-address"), dryRun);

        console.get().post(path + "/apply").then().statusCode(403);
        assertEquals(0, Database.count(dataSource, "select count(*) from employee"), "the refused apply did nothing");

        console.post().post(path + "/apply").then().statusCode(303);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> console.get().get(path).asString().contains("Imported people.csv"));
        assertEquals(4, Database.count(dataSource, "select count(*) from employee"));
        // Applied once only: a second Apply is a conflict, explained.
        console.post().post(path + "/apply").then().statusCode(409);
        // While working, the page refreshes itself without JavaScript; once done, it does not.
        assertFalse(console.get().get(path).asString().contains("http-equiv=\"refresh\""));
    }

    @Test
    void withoutJavaScriptTheCheckingPageRefreshesItselfUntilTheDryRunAndApplyWorksAsAPlainForm() throws IOException {
        try (Browser plain = Browser.withoutJavaScript(base.toString())) {
            plain.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
            plain.visit("/console/directory/import");
            plain.find("#f-file").sendKeys(file("people.csv", CSV).toString());
            plain.submit("form[action='/console/directory/import'] button[type=submit]");
            plain.awaitText("h1", "Dry run of people.csv");
            assertTrue(plain.text("table.rejected tbody").startsWith("4 not-an-address"));
            plain.submit("form[action$='/apply'] button");
            plain.awaitText("h1", "Imported people.csv");
            assertEquals(4, Database.count(dataSource, "select count(*) from employee"));
        }
    }

    @Test
    void aFileWithAWrongHeaderOrNotCsvIsRefusedOnTheFormAndNothingIsStored() {
        ConsoleSession console = ConsoleSession.asAdmin(base);
        String page = console.get()
                .multiPart("_csrf", console.csrf())
                .multiPart("file", "people.csv", "mail,full name\nx@example.com,X\n".getBytes(StandardCharsets.UTF_8))
                .post("/console/directory/import")
                .then()
                .statusCode(422)
                .extract()
                .asString();
        assertTrue(page.contains("Unknown column &#39;mail&#39;") || page.contains("Unknown column 'mail'"), page);
        assertTrue(page.contains("aria-invalid=\"true\""));
        console.get()
                .multiPart("_csrf", console.csrf())
                .multiPart("file", "people.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0, 1})
                .post("/console/directory/import")
                .then()
                .statusCode(422);
        assertEquals(0, Database.count(dataSource, "select count(*) from directory_upload"));
        console.get()
                .multiPart("file", "people.csv", CSV.getBytes(StandardCharsets.UTF_8))
                .post("/console/directory/import")
                .then()
                .statusCode(403);
        assertEquals(0, Database.count(dataSource, "select count(*) from directory_upload"));
    }

    @Test
    void aRegionalOfficerSeesOnlyTheirRegionAndAnotherRegionsEmployeeIsNotFound() {
        Scenario.seedDirectory();
        String email = "officer-" + System.nanoTime() + "@heed.test";
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "email",
                        email,
                        "name",
                        "Olga Officer",
                        "role",
                        "REGION_OFFICER",
                        "regions",
                        new String[] {"EMEA"},
                        "password",
                        "officer-password-1"))
                .post("/api/v1/accounts")
                .then()
                .statusCode(201);
        long noah = Database.count(dataSource, "select id from employee where email_key = 'noah@example.com'");
        long anna = Database.count(dataSource, "select id from employee where email_key = 'anna@example.com'");
        ConsoleSession officer = ConsoleSession.signIn(base, email, "officer-password-1");
        String list = officer.get()
                .get("/console/directory")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(list.contains("Anna Berg") && !list.contains("Noah Brown"), list);
        officer.get().get("/console/directory/employees/" + anna).then().statusCode(200);
        String notFound = officer.get()
                .get("/console/directory/employees/" + noah)
                .then()
                .statusCode(404)
                .extract()
                .asString();
        assertTrue(notFound.contains("Not found"));
        officer.get().get("/console/directory/employees/999999999").then().statusCode(404);
        officer.get().get("/console/directory/import").then().statusCode(403);
    }
}
