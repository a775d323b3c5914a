package io.heed.console;

import static io.heed.support.Api.ADMIN_EMAIL;
import static io.heed.support.Api.ADMIN_PASSWORD;
import static io.heed.support.Api.asAdmin;
import static org.hamcrest.Matchers.containsString;
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
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Who has not acted" and "remind these N" on a campaign's recipients tab, as a CISO uses them. */
@QuarkusTest
class CampaignRecipientsTest {

    private static final String HEADER = "email,name,region,department,country,manager_email,locale,timezone\n";

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
    }

    private static long launched() {
        return Scenario.launchedTomorrow(Scenario.request("Opt out of GenAI training"));
    }

    /**
     * Anna completed, Mia visited and answered the first step, Ben's link was only opened by a mail scanner,
     * Noah is past his deadline, Yuki's invitation failed; Liam did nothing. Everyone else's invitation counts as
     * delivered.
     */
    private long seeded() {
        long id = launched();
        String anna = Scenario.token(id, "anna@example.com");
        for (String step : Scenario.STEPS) {
            Scenario.answered(anna, step, "done");
        }
        Scenario.answered(Scenario.token(id, "mia@example.com"), Scenario.STEPS.get(0), "done");
        Scenario.scan(Scenario.token(id, "ben@example.com"));
        Database.execute(
                dataSource,
                "update recipient set delivery_status = 'SENT', sent_at = now() - interval '2 days' where campaign_id = "
                        + id + " and email <> 'yuki@example.com'");
        Database.execute(
                dataSource,
                "update recipient set delivery_status = 'FAILED', failed_at = now(), failure_reason = '550 no such user'"
                        + " where campaign_id = " + id + " and email = 'yuki@example.com'");
        Database.execute(
                dataSource,
                "update recipient set deadline_at = now() - interval '1 day' where campaign_id = " + id
                        + " and email = 'noah@example.com'");
        awaitVisits(id, 3); // the visit log is written in batches
        return id;
    }

    private void awaitVisits(long id, long n) {
        org.awaitility.Awaitility.await("visits recorded")
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> Database.count(
                                dataSource,
                                "select count(*) from recipient where first_visit_at is not null and campaign_id = "
                                        + id)
                        >= n);
    }

    private static List<String> names(ConsoleSession session, long id, String query) {
        String html = session.get()
                .get("/console/campaigns/" + id + "/recipients" + query)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Document page = Jsoup.parse(html);
        return page.select("#recipients tbody tr td:first-child a").eachText();
    }

    private long reminders(long id) {
        return Database.count(
                dataSource,
                "select count(*) from outbox_message where kind = 'reminder' and stream = 'campaign:" + id + "'");
    }

    @Test
    void eachFilterListsTheRightPeople() {
        long id = seeded();
        ConsoleSession session = ConsoleSession.asAdmin(base);
        assertEquals(6, names(session, id, "").size());
        assertEquals(List.of("Liam Smith", "Noah Brown", "Yuki Tanaka"), names(session, id, "?filter=not-visited"));
        assertEquals(List.of("Mia Schulz"), names(session, id, "?filter=visited"));
        assertEquals(
                List.of("Ben Carter", "Liam Smith", "Noah Brown", "Yuki Tanaka"),
                names(session, id, "?filter=step&step=" + Scenario.STEPS.get(0)));
        assertEquals(
                List.of("Ben Carter", "Liam Smith", "Mia Schulz", "Noah Brown", "Yuki Tanaka"),
                names(session, id, "?filter=step&step=" + Scenario.STEPS.get(1)));
        assertEquals(List.of("Noah Brown"), names(session, id, "?filter=overdue"));
        assertEquals(List.of("Ben Carter"), names(session, id, "?filter=scanner"));
        assertEquals(List.of("Yuki Tanaka"), names(session, id, "?filter=failed"));
        assertEquals(List.of("Anna Berg"), names(session, id, "?filter=completed"));
        assertEquals(List.of("Anna Berg"), names(session, id, "?q=BERG"));
        assertEquals(List.of("Liam Smith"), names(session, id, "?filter=not-visited&q=liam@example"));
        assertEquals(List.of(), names(session, id, "?q=_")); // a literal underscore, not any character
        // a step filter without a step, or an unknown filter: said in words, not a 500
        session.get()
                .get("/console/campaigns/" + id + "/recipients?filter=step")
                .then()
                .statusCode(400);
        session.get()
                .get("/console/campaigns/" + id + "/recipients?filter=nope")
                .then()
                .statusCode(400);
    }

    @Test
    void pagesOfTwentyFive() {
        Scenario.seedDirectory();
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 24; i++) {
            csv.append("p%02d@example.com,Person %02d,EMEA,Ops,DE,,en,UTC\n".formatted(i, i));
        }
        Api.importEmployees(csv.toString(), "").statusCode(200);
        Map<String, Object> request = Scenario.request("Thirty people");
        request.put("sendAt", java.time.Instant.now().plusSeconds(86_400).toString());
        long id = Scenario.createDraft(request);
        Scenario.act(id, "launch").statusCode(200);
        ConsoleSession session = ConsoleSession.asAdmin(base);
        List<String> first = names(session, id, "");
        List<String> second = names(session, id, "?filter=all&page=1");
        assertEquals(25, first.size());
        assertEquals(5, second.size());
        assertTrue(first.stream().noneMatch(second::contains));
        session.get()
                .get("/console/campaigns/" + id + "/recipients")
                .then()
                .body(containsString("1–25 of 30"))
                .body(containsString("rel=\"next\""));
    }

    @Test
    void aRegionalOfficerSeesOnlyTheirRegionAndCannotRemind() {
        long id = seeded();
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
        ConsoleSession officer = ConsoleSession.signIn(base, email, "officer-password-1");
        assertEquals(List.of("Anna Berg", "Ben Carter", "Mia Schulz"), names(officer, id, ""));
        assertEquals(List.of(), names(officer, id, "?filter=not-visited"));
        officer.post()
                .formParam("filter", "not-visited")
                .post("/console/campaigns/" + id + "/recipients/remind")
                .then()
                .statusCode(403);
        assertEquals(0, reminders(id));
    }

    @Test
    void remindTheseNQueuesExactlyNOnceAndIsAudited() {
        long id = seeded();
        ConsoleSession session = ConsoleSession.asAdmin(base);
        // not visited: Liam, Noah (delivered) and Yuki (failed: no reminder) -> 2
        String confirm = session.get()
                .get("/console/campaigns/" + id + "/recipients/remind?filter=not-visited")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals("2", Jsoup.parse(confirm).selectFirst("#remind-count").text());

        session.get()
                .formParam("filter", "not-visited")
                .post("/console/campaigns/" + id + "/recipients/remind")
                .then()
                .statusCode(403);
        assertEquals(0, reminders(id));

        Response done = session.post()
                .formParam("filter", "not-visited")
                .post("/console/campaigns/" + id + "/recipients/remind");
        done.then().statusCode(303).header("Location", containsString("/recipients?filter=not-visited"));
        String page = session.get()
                .cookie("heed_flash", done.getCookie("heed_flash"))
                .get("/console/campaigns/" + id + "/recipients?filter=not-visited")
                .then()
                .extract()
                .asString();
        assertTrue(page.contains("Reminder queued for 2 people."), page);
        assertEquals(2, reminders(id));
        assertEquals(
                2,
                Database.count(
                        dataSource,
                        "select count(*) from outbox_message o join recipient r on o.reference = 'recipient:' || r.id"
                                + " || ':reminder:1' where r.email in ('liam@example.com', 'noah@example.com')"
                                + " and o.kind = 'reminder'"));
        assertEquals(
                1,
                Database.count(
                        dataSource,
                        "select count(*) from audit_event where action = 'campaign.remind'"
                                + " and details like '%\"count\":2%' and details like '%not-visited%'"));

        // a second click queues nothing twice; overlapping filters neither
        session.post()
                .formParam("filter", "not-visited")
                .post("/console/campaigns/" + id + "/recipients/remind")
                .then()
                .statusCode(303);
        session.post()
                .formParam("filter", "overdue")
                .post("/console/campaigns/" + id + "/recipients/remind")
                .then()
                .statusCode(303);
        assertEquals(2, reminders(id));
        session.get()
                .get("/console/campaigns/" + id + "/recipients/remind?filter=not-visited")
                .then()
                .body(containsString("Nobody to remind"));

        // another filter reaches the others: a step open -> Ben and Mia (Liam, Noah pending; Anna done; Yuki failed)
        session.post()
                .formParam("filter", "step")
                .formParam("step", Scenario.STEPS.get(1))
                .post("/console/campaigns/" + id + "/recipients/remind")
                .then()
                .statusCode(303);
        assertEquals(4, reminders(id));
    }

    @Test
    void remindIsRefusedInWordsWhenTheCampaignIsNotRunning() {
        long id = seeded();
        Scenario.act(id, "pause").statusCode(200);
        ConsoleSession session = ConsoleSession.asAdmin(base);
        session.post()
                .formParam("filter", "not-visited")
                .post("/console/campaigns/" + id + "/recipients/remind")
                .then()
                .statusCode(409)
                .body(containsString("only while a campaign is sending or active"));
        session.get()
                .get("/console/campaigns/" + id + "/recipients/remind?filter=not-visited")
                .then()
                .statusCode(200)
                .body(containsString("only while a campaign is sending or active"));
        assertEquals(0, reminders(id));
    }

    @Test
    void theRecipientsTabAndTheRemindConfirmationInTheBrowser() {
        long id = seeded();
        if (browser == null) {
            browser = Browser.open(base.toString());
        }
        browser.driver().manage().deleteAllCookies();
        Browser b = browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        b.visit("/console/campaigns/" + id + "/recipients");
        assertEquals("6", b.text("#rcp-total"));
        b.look("campaign-recipients");
        b.visit("/console/campaigns/" + id + "/recipients?filter=not-visited");
        assertEquals("3", b.text("#rcp-total"));
        b.click("#remind-these");
        assertEquals("2", b.text("#remind-count"));
        b.look("campaign-remind");
        b.submit("#remind-send");
        assertTrue(b.text(".flash").contains("Reminder queued for 2 people."), b.text(".flash"));
        assertEquals(2, reminders(id));
    }

    @Test
    void lateJoinersAreOfferedAndAddedWithAFormPost() {
        long id = launched();
        ConsoleSession session = ConsoleSession.asAdmin(base);
        session.get()
                .get("/console/campaigns/" + id + "/recipients")
                .then()
                .body(org.hamcrest.Matchers.not(containsString("id=\"late-joiners\"")));
        Api.importEmployees(HEADER + "zoe@example.com,Zoe New,APAC,Sales,JP,,en,Asia/Tokyo\n", "")
                .statusCode(200);
        String page = session.get()
                .get("/console/campaigns/" + id + "/recipients")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(
                Jsoup.parse(page).selectFirst("#late-joiners").text().contains("1 person has joined the audience"),
                page);
        session.get().post("/console/campaigns/" + id + "/late-joiners").then().statusCode(403);
        Response added = session.post().post("/console/campaigns/" + id + "/late-joiners");
        added.then().statusCode(303);
        String after = session.get()
                .cookie("heed_flash", added.getCookie("heed_flash"))
                .get("/console/campaigns/" + id + "/recipients")
                .then()
                .extract()
                .asString();
        assertTrue(after.contains("Added 1 person who joined the audience since launch"), after);
        assertTrue(!after.contains("id=\"late-joiners\""), after);
        assertEquals(
                1,
                Database.count(
                        dataSource,
                        "select count(*) from recipient where added_late and email = 'zoe@example.com'"
                                + " and campaign_id = " + id));
        assertEquals(
                1,
                Database.count(
                        dataSource, "select count(*) from audit_event where action = 'campaign.add-recipients'"));
        assertTrue(names(session, id, "?q=zoe").contains("Zoe New"));
    }
}
