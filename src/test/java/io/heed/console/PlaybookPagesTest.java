package io.heed.console;

import static io.heed.support.Api.ADMIN_EMAIL;
import static io.heed.support.Api.ADMIN_PASSWORD;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.support.Browser;
import io.heed.support.ConsoleSession;
import io.heed.support.Database;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The playbook pages as a CISO uses them: catalogue, rendered e-mails, a new version, a draft from an advisory. */
@QuarkusTest
class PlaybookPagesTest {

    private static final String LINKEDIN_POST = """
            LinkedIn will train its AI on your data – opt out now

            From 3 November 2025, LinkedIn will use profile data, posts and activity of members in the EU, EEA, \
            Switzerland, Canada and Hong Kong to train its generative-AI models.

            Recommended actions:
            1. Switch off "Data for Generative AI Improvement": https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement
            2. File the Data Processing Objection Form: https://www.linkedin.com/help/linkedin/ask/TS-DPRO
            3. Review your old posts and profile.
            """;

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
        Database.execute(
                dataSource,
                "delete from playbook_version where playbook_key <> 'linkedin-genai-optout' or origin <> 'FILE'");
        Database.execute(dataSource, "delete from console_session");
        Database.execute(dataSource, "delete from sign_in_throttle");
    }

    private Browser browser() {
        if (browser == null) {
            browser = Browser.open(base.toString());
        }
        browser.driver().manage().deleteAllCookies();
        return browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    @Test
    void catalogueToRenderedMailsToANewVersionWithAFieldError() {
        Browser b = browser();
        b.visit("/console/playbooks");
        assertTrue(b.text("table").contains("Stop LinkedIn from training AI on your data"));
        assertTrue(b.text("table").contains("linkedin-genai-optout"));
        b.look("playbooks-catalogue");

        b.submit("a[href='/console/playbooks/linkedin-genai-optout']");
        assertTrue(b.text("h1").contains("Stop LinkedIn from training AI"));
        assertEquals(5, b.findAll(".pb-steps > li").size());
        assertTrue(b.text("#h-deadlines + ul").contains("3 Nov 2025"));
        assertTrue(b.text(".pb-mail").contains("Action needed: stop LinkedIn from training AI on your data"));
        WebElement frame = b.find("iframe.pb-frame");
        assertEquals("", frame.getAttribute("sandbox"));
        b.driver().switchTo().frame(frame);
        assertTrue(b.driver().findElement(By.tagName("h1")).getText().contains("Stop LinkedIn"));
        assertTrue(b.driver().findElement(By.tagName("body")).getText().contains("Hello Alex Example"));
        b.driver().switchTo().defaultContent();
        b.look("playbook-detail");

        b.submit("a[href*='lang=de']");
        assertTrue(b.text("h1").contains("Verhindern Sie"));
        assertTrue(b.text(".pb-mail").contains("Bitte handeln"));
        b.look("playbook-detail-de");

        b.submit("a[href='/console/playbooks/linkedin-genai-optout/edit?version=1']");
        assertEquals(
                "Stop LinkedIn from training AI on your data",
                b.find("#f-title").getAttribute("value"));
        b.look("playbook-edit");
        b.find("#f-title").clear();
        b.submit("button[name=action][value=save]");
        assertEquals("true", b.find("#f-title").getAttribute("aria-invalid"));
        assertEquals("required", b.text("#f-title-error"));
        b.look("playbook-edit-error");

        b.type("#f-title", "Stop LinkedIn training AI on your data (updated)");
        b.submit("button[name=action][value=save]");
        assertTrue(b.path().startsWith("/console/playbooks/linkedin-genai-optout?version=2"), b.path());
        assertTrue(b.text(".flash").contains("Version 2 saved"));
        b.visit("/console/playbooks");
        assertTrue(b.text("table").contains("Stop LinkedIn training AI on your data (updated)"));
        assertTrue(b.text("table").contains("v2"));
    }

    @Test
    void anAdvisoryBecomesADraftThatIsCorrectedAndSaved() {
        Browser b = browser();
        b.visit("/console/playbooks");
        b.submit("a[href='/console/playbooks/from-advisory']");
        b.look("playbook-from-advisory");
        b.find("#f-advisory").sendKeys(LINKEDIN_POST);
        b.submit("form[action='/console/playbooks/from-advisory'] button[type=submit]");

        assertEquals(
                "LinkedIn will train its AI on your data – opt out now",
                b.find("#f-title").getAttribute("value"));
        assertEquals(3, b.findAll("textarea[name=stepInstructions]").size());
        assertEquals(
                "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement",
                b.find("#f-step-0-url").getAttribute("value"));
        assertEquals("2025-11-03", b.find("#f-dl-0-date").getAttribute("value"));
        assertTrue(b.find("#f-dl-0-applies").getAttribute("value").contains("Hong Kong"));

        // The live preview follows the typing (htmx, after a short delay).
        b.type("#f-title", "Opt out of LinkedIn AI training");
        b.type("#f-subjectInvitation", "Please opt out of LinkedIn AI training");
        b.awaitText("#preview", "Please opt out of LinkedIn AI training");
        b.look("playbook-draft");

        b.type("#f-key", "linkedin-ai-draft");
        b.submit("button[name=action][value=save]");
        assertTrue(b.path().startsWith("/console/playbooks/linkedin-ai-draft?version=1"), b.path());
        assertEquals(3, b.findAll(".pb-steps > li").size());
        assertTrue(b.text(".flash").contains("Playbook created"));
    }

    @Test
    void withoutJavaScriptStepsAreAddedAndAVersionIsSavedByPlainFormPosts() {
        ConsoleSession session = ConsoleSession.asAdmin(base);
        String page = form(session.post())
                .formParam("action", "add-step")
                .post("/console/playbooks/edit")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(3, page.split("name=\"stepTitle\"", -1).length - 1, "one more step row");

        form(session.post())
                .formParam("action", "save")
                .post("/console/playbooks/edit")
                .then()
                .statusCode(303)
                .header("Location", containsString("/console/playbooks/vpn-update?version=1"));
        session.get()
                .get("/console/playbooks/vpn-update")
                .then()
                .statusCode(200)
                .body(containsString("Update the VPN client"))
                .body(containsString("&lt;b&gt;now&lt;/b&gt;"))
                .body(not(containsString("<b>now</b>")));

        String preview = form(session.post())
                .formParam("action", "preview")
                .post("/console/playbooks/edit")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(preview.contains("Action needed: update the VPN client"), "the preview without JavaScript");
    }

    @Test
    void aBadDateAndAMissingStepTitleAreShownByTheirFields() {
        ConsoleSession session = ConsoleSession.asAdmin(base);
        String page = form(session.post())
                .formParam("stepTitle", "")
                .formParam("deadlineAppliesTo", "EU")
                .formParam("deadlineDate", "3rd of Nov")
                .formParam("action", "save")
                .post("/console/playbooks/edit")
                .then()
                .statusCode(422)
                .extract()
                .asString();
        assertTrue(page.contains("id=\"f-dl-0-date-error\">not a date (YYYY-MM-DD)"), page);

        String missingTitle = given().cookie("heed_session", session.cookie())
                .formParam("_csrf", session.csrf())
                .formParam("isNew", "true")
                .formParam("key", "vpn-update")
                .formParam("title", "VPN")
                .formParam("summary", "Update.")
                .formParam("subjectInvitation", "a")
                .formParam("subjectReminder", "b")
                .formParam("stepKey", "")
                .formParam("stepTitle", "")
                .formParam("stepInstructions", "Do it")
                .formParams(templates())
                .formParam("action", "save")
                .post("/console/playbooks/edit")
                .then()
                .statusCode(422)
                .extract()
                .asString();
        assertTrue(missingTitle.contains("id=\"f-step-0-title-error\">required"), missingTitle);
    }

    @Test
    void operatorTemplatesCannotReachOtherTemplatesOrConfiguration() {
        ConsoleSession session = ConsoleSession.asAdmin(base);
        for (String hostile : new String[] {
            "{#include layout/main}{/include}",
            "{config:quarkus.datasource.password}",
            "{#eval 'x' /}",
            "{#csrf token='x' /}"
        }) {
            String page = withTemplate(session.post(), hostile)
                    .formParam("action", "save")
                    .post("/console/playbooks/edit")
                    .then()
                    .statusCode(422)
                    .extract()
                    .asString();
            assertTrue(page.contains("not allowed in a playbook template"), hostile + ": " + page);
        }
        given().cookie("heed_session", session.cookie())
                .redirects()
                .follow(false)
                .get("/console/playbooks/vpn-update")
                .then()
                .statusCode(404);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        ConsoleSession session = ConsoleSession.asAdmin(base);
        form(session.get())
                .formParam("action", "save")
                .post("/console/playbooks/edit")
                .then()
                .statusCode(403);
        session.get()
                .formParam("advisory", LINKEDIN_POST)
                .post("/console/playbooks/from-advisory")
                .then()
                .statusCode(403);
        session.get().get("/console/playbooks/vpn-update").then().statusCode(404);
    }

    @Test
    void everyRoleReadsTheCatalogueAndAnUnknownPlaybookIsAPage() {
        ConsoleSession session = ConsoleSession.asAdmin(base);
        session.get().get("/console/playbooks").then().statusCode(200).body(containsString("linkedin-genai-optout"));
        session.get()
                .get("/console/playbooks/no-such-playbook")
                .then()
                .statusCode(404)
                .body(containsString("No playbook"));
    }

    private static RequestSpecification form(RequestSpecification request) {
        return request.formParam("isNew", "true")
                .formParam("key", "vpn-update")
                .formParam("title", "Update the VPN client")
                .formParam("summary", "A flaw in the VPN client lets attackers in. Update it <b>now</b>.")
                .formParam("subjectInvitation", "Action needed: update the VPN client")
                .formParam("subjectReminder", "Reminder: update the VPN client")
                .formParam("stepKey", "")
                .formParam("stepTitle", "Update the VPN client")
                .formParam("stepInstructions", "Open the VPN client and choose **Check for updates**.")
                .formParam("stepUrl", "https://vpn.example/update")
                .formParam("stepNotApplicable", "no")
                .formParam("stepKey", "")
                .formParam("stepTitle", "Restart")
                .formParam("stepInstructions", "Restart your laptop.")
                .formParam("stepUrl", "")
                .formParam("stepNotApplicable", "yes")
                .formParams(templates());
    }

    private static RequestSpecification withTemplate(RequestSpecification request, String hostile) {
        return request.formParam("isNew", "true")
                .formParam("key", "vpn-update")
                .formParam("title", "Update the VPN client")
                .formParam("summary", "Update it.")
                .formParam("subjectInvitation", "Action needed")
                .formParam("subjectReminder", "Reminder")
                .formParam("stepKey", "")
                .formParam("stepTitle", "Update")
                .formParam("stepInstructions", "Update.")
                .formParam("templateFile", "invitation.html")
                .formParam("templateBody", "<p>{recipient.name}</p>" + hostile)
                .formParam("templateFile", "invitation.txt")
                .formParam("templateBody", "Hello {recipient.name}")
                .formParam("templateFile", "reminder.html")
                .formParam("templateBody", "<p>Reminder {link}</p>")
                .formParam("templateFile", "reminder.txt")
                .formParam("templateBody", "Reminder {link}");
    }

    private static java.util.Map<String, Object> templates() {
        // RestAssured's formParams(Map) takes one value per name: the parallel lists go as lists.
        return java.util.Map.of(
                "templateFile",
                java.util.List.of("invitation.html", "invitation.txt", "reminder.html", "reminder.txt"),
                "templateBody",
                java.util.List.of(
                        "<h1>{playbook.title}</h1><p>{playbook.summary}</p>{#for step in playbook.steps}<p>{step.title}</p>{/for}<a href=\"{link}\">Open</a>",
                        "{playbook.title}\n{link}",
                        "<p>Reminder: {playbook.title}</p><a href=\"{link}\">Open</a>",
                        "Reminder: {playbook.title}\n{link}"));
    }
}
