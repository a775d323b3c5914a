package io.heed.console.campaigns;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.support.ConsoleSession;
import io.heed.support.Database;
import io.heed.support.Scenario;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wizard as plain form posts, without JavaScript: every step saved, refusals by field, the launch re-checked. */
@QuarkusTest
class CampaignWizardFormsTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    ConsoleSession console;

    @BeforeEach
    void reset() {
        Database.reset(dataSource);
        Scenario.seedDirectory();
        console = ConsoleSession.asAdmin(base);
    }

    private long createDraft(String name) {
        String location = console.post()
                .formParam("name", name)
                .formParam("playbook", Scenario.PLAYBOOK)
                .post("/console/campaigns/new")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/wizard/audience"))
                .extract()
                .header("Location");
        return Long.parseLong(location.replaceAll(".*/campaigns/(\\d+)/wizard/.*", "$1"));
    }

    private String wizard(long id, String step) {
        return "/console/campaigns/" + id + "/wizard/" + step;
    }

    @Test
    void theWholeWizardByPlainFormPostsToLaunchWithTheChecklistBlockingUntilSatisfied() {
        console.get()
                .get("/console/campaigns")
                .then()
                .statusCode(200)
                .body(containsString("Create your first campaign"));
        long id = createDraft("Opt out of GenAI training");
        // Audience: EMEA and APAC; the Count button (no JavaScript) shows the count per region without saving.
        console.post()
                .formParam("step.audience", "1")
                .formParam("audience.regions", "EMEA", "APAC")
                .post(wizard(id, "audience") + "/count")
                .then()
                .statusCode(200)
                .body(containsString("<strong class=\"num\">4</strong> recipients"))
                .body(containsString("<td>EMEA</td><td class=\"num\">3</td>"));
        console.post()
                .formParam("step.audience", "1")
                .formParam("audience.regions", "EMEA", "APAC")
                .formParam("audience.excludeEmails", "ben@example.com")
                .post(wizard(id, "audience"))
                .then()
                .statusCode(303)
                .header("Location", endsWith(wizard(id, "schedule")));
        // Schedule at each person's local time: the time-zone preview names each region's zone and UTC.
        console.post()
                .formParam("mode", "local")
                .formParam("localSendTime", "09:00")
                .formParam("ratePerMinute", "70")
                .formParam("go", "stay")
                .post(wizard(id, "schedule"))
                .then()
                .statusCode(303);
        console.get()
                .get(wizard(id, "schedule"))
                .then()
                .statusCode(200)
                .body(containsString("09:00 Asia/Tokyo"))
                .body(containsString("09:00 Europe/Berlin"))
                .body(containsString("3 messages over"));
        // The review: not ready (no deadline, no check message, no test), so there is no launch, and a forged
        // launch is refused with the reason.
        console.get()
                .get(wizard(id, "review"))
                .then()
                .statusCode(200)
                .body(containsString("No deadline for APAC, EMEA."))
                .body(containsString("disabled aria-describedby=\"launch-why\""));
        console.post()
                .post(wizard(id, "review/launch"))
                .then()
                .statusCode(409)
                .body(containsString("Not ready to launch"))
                .body(containsString("every region of the audience has a deadline"));
        assertEquals(0, Database.count(dataSource, "select count(*) from recipient"));
        // Deadlines.
        console.post()
                .formParam("deadlines.EMEA", "2026-12-20")
                .formParam("deadlines.*", "2026-12-31")
                .formParam("reminders.everyDays", "3")
                .formParam("reminders.max", "2")
                .post(wizard(id, "deadlines"))
                .then()
                .statusCode(303)
                .header("Location", endsWith(wizard(id, "preview")));
        // Preview as a German-speaking employee, then a test send and an SMTP check.
        console.get()
                .get(wizard(id, "preview") + "?as=anna@example.com")
                .then()
                .statusCode(200)
                .body(containsString("sandbox=\"\" srcdoc=\""))
                .body(containsString("anna@example.com"));
        console.post()
                .formParam("to", "ciso@example.com")
                .formParam("as", "anna@example.com")
                .post(wizard(id, "preview/test-send"))
                .then()
                .statusCode(303);
        console.post()
                .formParam("checkTo", "ciso@example.com")
                .post(wizard(id, "review/check"))
                .then()
                .statusCode(303);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> console.get()
                        .get(wizard(id, "review"))
                        .then()
                        .body(containsString("badge badge-success\">Ready"))
                        .body(not(containsString("launch-why"))));
        // The confirmation names the recipient count, and the launch goes to the campaign's page.
        console.get()
                .get(wizard(id, "review/launch"))
                .then()
                .statusCode(200)
                .body(containsString("Launch to 3 recipients"));
        console.post()
                .post(wizard(id, "review/launch"))
                .then()
                .statusCode(303)
                .header("Location", endsWith("/console/campaigns/" + id));
        assertEquals(3, Database.count(dataSource, "select count(*) from recipient where campaign_id = " + id));
        console.get()
                .get("/console/campaigns?status=sending")
                .then()
                .statusCode(200)
                .body(containsString("Opt out of GenAI training"))
                .body(containsString("badge badge-info\">Sending"));
    }

    @Test
    void aRefusedStepIsShownAgainAsEnteredWithTheProblemBesideItsField() {
        long id = createDraft("Rate check");
        String page = console.post()
                .formParam("mode", "at")
                .formParam("sendAt", "2026-12-24T09:00")
                .formParam("ratePerMinute", "0")
                .post(wizard(id, "schedule"))
                .then()
                .statusCode(422)
                .extract()
                .asString();
        assertTrue(page.contains("id=\"f-ratePerMinute-error\">must be between 1 and 100000"), page);
        assertTrue(page.contains("value=\"2026-12-24T09:00\""), "what was entered is kept");
        console.post()
                .formParam("name", "")
                .formParam("playbook", "no-such-playbook")
                .post("/console/campaigns/new")
                .then()
                .statusCode(422)
                .body(containsString("no playbook &#39;no-such-playbook&#39;"))
                .body(containsString("id=\"f-name-error\">required"));
    }

    @Test
    void aDraftIsResumedFromTheListWithContinue() {
        long id = createDraft("Half done");
        console.get()
                .get("/console/campaigns?status=draft")
                .then()
                .statusCode(200)
                .body(containsString("href=\"/console/campaigns/" + id + "/wizard/review\">Continue"))
                .body(containsString("Draft<span class=\"count\">1</span>"));
        console.get().get(wizard(id, "review")).then().statusCode(200).body(containsString("Half done"));
    }

    @Test
    void aPostWithoutTheCsrfTokenIsForbidden() {
        given().cookie("heed_session", console.cookie())
                .redirects()
                .follow(false)
                .formParam("name", "Forged")
                .formParam("playbook", Scenario.PLAYBOOK)
                .post("/console/campaigns/new")
                .then()
                .statusCode(403);
        assertEquals(0, Database.count(dataSource, "select count(*) from campaign"));
    }
}
