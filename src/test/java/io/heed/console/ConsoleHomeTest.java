package io.heed.console;

import static io.heed.support.Api.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.support.Api;
import io.heed.support.Browser;
import io.heed.support.ConsoleSession;
import io.heed.support.Database;
import io.heed.support.Scenario;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's home and settings pages: first steps, running campaigns, what needs attention, the relay. */
@QuarkusTest
class ConsoleHomeTest {

    private static final String OFFICER = "home-officer@heed.test";
    private static final String OFFICER_PASSWORD = "officer-password-1";

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
        Database.execute(dataSource, "delete from sign_in_throttle");
        Database.execute(dataSource, "delete from console_session");
        if (browser == null) {
            browser = Browser.open(base.toString());
        }
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    void anEmptyHeedLeadsWithImportingTheDirectory() {
        browser.signIn(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
        browser.visit("/console");
        String start = browser.text("[aria-labelledby=start-title]");
        assertTrue(start.contains("Import your directory"), start);
        assertEquals(
                "/console/directory/import",
                browser.find("a[href='/console/directory/import']").getDomAttribute("href"));
        browser.look("home-empty");
    }

    @Test
    void runningCampaignsShowTheirProgressByRegionAndTheNearestDeadlines() {
        Map<String, Object> request = Scenario.request("LinkedIn opt-out");
        request.put("deadlines", Map.of("EMEA", "2099-03-01", "AMER", "2099-03-15", "APAC", "2099-02-20"));
        long id = Scenario.launchedTomorrow(request);
        Scenario.answered(Scenario.token(id, "anna@example.com"), Scenario.STEPS.get(0), "done");

        browser.signIn(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
        browser.visit("/console");
        String running = browser.text("[aria-labelledby=running-title]");
        assertTrue(running.contains("LinkedIn opt-out"), running);
        assertTrue(running.contains("EMEA") && running.contains("AMER") && running.contains("APAC"), running);
        List<String> deadlines = browser.findAll(".deadline-list li").stream()
                .map(li -> li.getText())
                .toList();
        assertEquals(3, deadlines.size(), deadlines.toString());
        assertTrue(deadlines.get(0).contains("APAC") && deadlines.get(0).contains("Fri 20 Feb 2099"), deadlines.get(0));
        assertTrue(browser.findAll("[aria-labelledby=start-title]").isEmpty(), "first steps are done");
        browser.look("home-running");

        // The live part is a fragment htmx re-reads: alone, without the layout.
        ConsoleSession.asAdmin(base)
                .get()
                .get("/console/home/live")
                .then()
                .statusCode(200)
                .body(startsWith("<div id=\"home-live\""))
                .body(containsString("LinkedIn opt-out"))
                .body(not(containsString("<html")));
    }

    @Test
    void aRelayThatRefusesAndFailedDeliveriesNeedAttention() {
        Scenario.seedDirectory();
        Database.execute(dataSource, "insert into outbox_stream (stream, updated_at) values ('campaign:999', now())");
        Database.execute(
                dataSource,
                "insert into outbox_message (kind, reference, to_address, stream, message_id, status, due_at,"
                        + " next_attempt_at, attempts, last_smtp_reply, created_at) values ('invitation', 'x:1',"
                        + " 'anna@example.com', 'campaign:999', '<r1@heed.test>', 'PENDING', now(), now() + interval"
                        + " '1 hour', 1, '530 5.7.0 Must issue a STARTTLS command first', now())");
        Database.execute(
                dataSource,
                "insert into outbox_message (kind, reference, to_address, stream, message_id, status, due_at,"
                        + " next_attempt_at, attempts, last_smtp_reply, created_at, failed_at, outcome_reported_at) values ('invitation',"
                        + " 'x:2', 'ben@example.com', 'campaign:999', '<r2@heed.test>', 'FAILED', now(), now(), 4,"
                        + " '550 5.1.1 <ben@example.com>: Recipient address rejected', now(), now(), now())");

        browser.signIn(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
        browser.visit("/console");
        String attention = browser.text("[aria-labelledby=attention-title]");
        assertTrue(attention.contains("Delivery is failing"), attention);
        assertTrue(attention.contains("530 5.7.0 Must issue a STARTTLS command first"), attention);
        assertTrue(attention.contains("1 failed delivery in the last 24 hours"), attention);
        assertTrue(attention.contains("550 5.1.1 <ben@example.com>: Recipient address rejected"), attention);
        browser.look("home-attention");

        browser.visit("/console/settings");
        assertTrue(browser.text("#delivery-status").contains("Failing"));
        assertTrue(browser.text("[aria-labelledby=relay-title]").contains("530 5.7.0"));
    }

    @Test
    void aCheckMessageGoesThroughTheRelayAndThePageFollowsItWithoutReload() {
        browser.signIn(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
        browser.visit("/console/settings");
        String relay = browser.text("[aria-labelledby=relay-title]");
        assertTrue(relay.contains("built-in mail catcher"), relay);
        browser.type("#f-to", "ciso@example.com").submit("#check form button[type=submit]");
        assertTrue(browser.path().startsWith("/console/settings?check="), browser.path());
        browser.awaitText("#check-state", "Accepted by the relay");
        browser.look("settings");
    }

    @Test
    void withoutScriptABadAddressIsShownBesideItsFieldAndAGoodOneRedirects() {
        ConsoleSession admin = ConsoleSession.asAdmin(base);
        admin.post()
                .formParam("to", "not an address")
                .post("/console/settings/check")
                .then()
                .statusCode(422)
                .body(containsString("id=\"f-to-error\""))
                .body(containsString("value=\"not an address\""));
        admin.post()
                .formParam("to", "ciso@example.com")
                .post("/console/settings/check")
                .then()
                .statusCode(303)
                .header("Location", containsString("/console/settings?check="));
        admin.get()
                .formParam("to", "ciso@example.com")
                .post("/console/settings/check")
                .then()
                .statusCode(403);
    }

    @Test
    void onlyAnAdministratorSeesSettingsAndFailedDeliveries() {
        asAdmin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "email",
                        OFFICER,
                        "name",
                        "Officer",
                        "role",
                        "REGION_OFFICER",
                        "regions",
                        new String[] {"EMEA"},
                        "password",
                        OFFICER_PASSWORD))
                .post("/api/v1/accounts")
                .then()
                .statusCode(201);
        ConsoleSession officer = ConsoleSession.signIn(base, OFFICER, OFFICER_PASSWORD);
        officer.get().get("/console/settings").then().statusCode(403);
        officer.get().get("/console").then().statusCode(200).body(not(containsString("href=\"/console/settings\"")));
        officer.post()
                .formParam("to", "x@example.com")
                .post("/console/settings/check")
                .then()
                .statusCode(403);
    }
}
