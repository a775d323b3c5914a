package io.heed.acknowledgement;

import static io.heed.support.Scenario.STEPS;
import static io.heed.support.Scenario.answer;
import static io.heed.support.Scenario.csrf;
import static io.heed.support.Scenario.notApplicable;
import static io.heed.support.Scenario.page;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.security.LinkTokens;
import io.heed.support.Database;
import io.heed.support.Scenario;
import io.heed.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answering steps: what counts, what is kept, what is refused, and what the compliance side is told. */
@QuarkusTest
class RecordAcknowledgementTest {

    @Inject
    DataSource dataSource;

    @Inject
    LinkTokens linkTokens;

    @Inject
    FormTokenSigner formTokens;

    @Inject
    VisitLog visitLog;

    @Inject
    FailureLimiter limiter;

    @Inject
    RecordedAnswers recorded;

    long campaign;
    String ben;
    long benId;

    @BeforeEach
    void launch() {
        limiter.reset();
        Database.reset(dataSource);
        campaign = Scenario.launchedTomorrow(Scenario.request("LinkedIn opt-out"));
        ben = Scenario.token(campaign, "ben@example.com");
        benId = Scenario.recipientId(campaign, "ben@example.com");
        recorded.events().clear();
    }

    @AfterEach
    void flushVisits() {
        visitLog.flush();
        limiter.reset();
    }

    @Test
    void eachStepDoneCompletesTheRecipientOnce() {
        String csrf = csrf(ben);
        for (int i = 0; i < STEPS.size(); i++) {
            answer(ben, STEPS.get(i), "done", csrf)
                    .then()
                    .statusCode(303)
                    .header("Location", equalTo("http://localhost:8080/ack/" + ben + "?saved=1#step-" + STEPS.get(i)));
            boolean last = i == STEPS.size() - 1;
            assertEquals(last ? 1 : 0, completed(benId), "completed only by the last step");
        }
        assertEquals(
                5,
                Database.count(
                        dataSource,
                        "select count(*) from step_answer where recipient_id = " + benId
                                + " and status = 'done' and answered_via = 'step' and campaign_id = " + campaign));
        assertEquals(
                5, Database.count(dataSource, "select count(*) from step_answer_change where previous_status is null"));
        assertEquals(
                1,
                Database.count(
                        dataSource,
                        "select count(*) from recipient r where id = " + benId + " and completed_at = "
                                + "(select max(changed_at) from step_answer where recipient_id = r.id)"));
        assertEquals(5, recorded.events().size());
        assertEquals(
                1,
                recorded.events().stream().filter(AnswerRecorded::completedNow).count());
        AnswerRecorded last = recorded.events().get(4);
        assertEquals(
                new AnswerRecorded(campaign, benId, "mindful-posting", null, StepStatus.DONE, last.at(), true, false),
                last);

        Document page = page(ben);
        assertTrue(page.text().contains("All steps are answered. Thank you!"));
        assertTrue(page.text().contains("5 of 5 steps answered"));
        assertEquals(5, page.select(".state.done").size());
        // Someone else's answers are untouched.
        assertEquals(0, Database.count(dataSource, "select count(*) from step_answer where recipient_id <> " + benId));
    }

    @Test
    void notApplicableOnlyWhereThePlaybookAllowsIt() {
        String csrf = csrf(ben);
        answer(ben, "objection-form", "not_applicable", csrf).then().statusCode(303);
        answer(ben, "genai-toggle", "not_applicable", csrf)
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"));
        answer(ben, "genai-toggle", "maybe", csrf).then().statusCode(400);
        answer(ben, "genai-toggle", null, csrf).then().statusCode(400);
        answer(ben, "no-such-step", "done", csrf).then().statusCode(400);
        assertEquals(1, Database.count(dataSource, "select count(*) from step_answer"));
        assertEquals(
                1,
                Database.count(
                        dataSource,
                        "select count(*) from step_answer where step_key = 'objection-form'"
                                + " and status = 'not_applicable'"));
        assertEquals(1, Database.count(dataSource, "select count(*) from step_answer_change"));
        Document page = page(ben);
        assertEquals(
                "Not applicable",
                page.selectFirst("#step-objection-form .state").text());
    }

    @Test
    void theWholePlaybookNotApplicableAnswersEveryStepAtOnce() {
        String csrf = csrf(ben);
        answer(ben, "genai-toggle", "done", csrf).then().statusCode(303);
        notApplicable(ben, csrf)
                .then()
                .statusCode(303)
                .header("Location", equalTo("http://localhost:8080/ack/" + ben + "?saved=1"));
        assertEquals(
                5,
                Database.count(
                        dataSource,
                        "select count(*) from step_answer where status = 'not_applicable'"
                                + " and answered_via = 'playbook'"));
        assertEquals(1, completed(benId));
        assertEquals(
                1,
                Database.count(
                        dataSource,
                        "select count(*) from step_answer_change where step_key = 'genai-toggle'"
                                + " and previous_status = 'done' and status = 'not_applicable' and answered_via = 'playbook'"));
        assertEquals(6, recorded.events().size());
        assertEquals(
                1,
                recorded.events().stream().filter(AnswerRecorded::completedNow).count());
        assertTrue(recorded.events().get(5).completedNow());
        // Saying it again changes nothing.
        notApplicable(ben, csrf).then().statusCode(303);
        assertEquals(6, Database.count(dataSource, "select count(*) from step_answer_change"));
        assertEquals(6, recorded.events().size());
        Document page = page(ben);
        assertTrue(page.selectFirst("#step-genai-toggle").text().contains("with \"I have no LinkedIn account\""));
    }

    @Test
    void repeatingAnAnswerKeepsTheFirstTime() {
        String csrf = csrf(ben);
        answer(ben, "genai-toggle", "done", csrf).then().statusCode(303);
        long first = micros("select first_answered_at from step_answer");
        long changed = micros("select changed_at from step_answer");
        TestClock.advance(Duration.ofSeconds(1));
        answer(ben, "genai-toggle", "done", csrf).then().statusCode(303);
        answer(ben, "genai-toggle", "done", csrf).then().statusCode(303);
        assertEquals(first, micros("select first_answered_at from step_answer"));
        assertEquals(changed, micros("select changed_at from step_answer"));
        assertEquals(1, Database.count(dataSource, "select count(*) from step_answer_change"));
        assertEquals(1, recorded.events().size());
    }

    @Test
    void changingAnAnswerIsKeptInTheHistoryAndNeverUncompletes() {
        String csrf = csrf(ben);
        for (String step : STEPS) {
            answer(ben, step, "done", csrf).then().statusCode(303);
        }
        long completedAt = micros("select completed_at from recipient where id = " + benId);
        long first = micros("select first_answered_at from step_answer where step_key = 'objection-form'");
        TestClock.advance(Duration.ofSeconds(1));
        answer(ben, "objection-form", "not_applicable", csrf).then().statusCode(303);
        TestClock.advance(Duration.ofSeconds(1));
        answer(ben, "objection-form", "done", csrf).then().statusCode(303);

        assertEquals(completedAt, micros("select completed_at from recipient where id = " + benId));
        assertEquals(first, micros("select first_answered_at from step_answer where step_key = 'objection-form'"));
        assertTrue(micros("select changed_at from step_answer where step_key = 'objection-form'") > first);
        assertEquals(
                3,
                Database.count(
                        dataSource, "select count(*) from step_answer_change where step_key = 'objection-form'"));
        assertEquals(
                1,
                Database.count(
                        dataSource,
                        "select count(*) from step_answer_change where step_key = 'objection-form'"
                                + " and previous_status = 'done' and status = 'not_applicable'"));
        assertEquals(
                1,
                Database.count(
                        dataSource,
                        "select count(*) from step_answer_change where step_key = 'objection-form'"
                                + " and previous_status = 'not_applicable' and status = 'done'"));
        assertEquals(
                7,
                Database.count(
                        dataSource,
                        "select count(*) from step_answer_change where user_agent like 'Mozilla/5.0%'"
                                + " and length(client_address_hash) = 32 and client_address_hash !~ '[.:]'"));
        assertEquals(
                1,
                recorded.events().stream().filter(AnswerRecorded::completedNow).count());
        assertEquals(StepStatus.NOT_APPLICABLE, recorded.events().get(6).previousStatus());
        // The history refuses to be rewritten.
        Exception refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class,
                () -> Database.execute(dataSource, "update step_answer_change set status = 'done'"));
        assertTrue(refused.getCause().getMessage().contains("append-only"));
    }

    @Test
    void fiftyConcurrentPostsOfOneStepMakeOneAcknowledgement() throws Exception {
        String csrf = csrf(ben);
        int posts = 50;
        ExecutorService pool = Executors.newFixedThreadPool(posts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < posts; i++) {
                Callable<Integer> post = () -> {
                    start.await();
                    return answer(ben, "genai-toggle", "done", csrf).statusCode();
                };
                results.add(pool.submit(post));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                assertEquals(303, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Database.count(dataSource, "select count(*) from step_answer"));
        assertEquals(1, Database.count(dataSource, "select count(*) from step_answer_change"));
        assertEquals(1, recorded.events().size());
    }

    @Test
    void aClosedCampaignShowsItsAnswersReadOnlyAndRefusesPosts() {
        String csrf = csrf(ben);
        answer(ben, "genai-toggle", "done", csrf).then().statusCode(303);
        Scenario.act(campaign, "close").statusCode(200);

        Document page = page(ben);
        assertTrue(page.select("form").isEmpty(), "no form once the campaign has ended");
        assertTrue(page.text().contains("This campaign has ended"));
        assertEquals("Done", page.selectFirst("#step-genai-toggle .state").text());
        answer(ben, "objection-form", "done", csrf)
                .then()
                .statusCode(410)
                .contentType(containsString("text/html"))
                .body(containsString("http://localhost:8080/ack/" + ben));
        answer(ben, "genai-toggle", "done", csrf).then().statusCode(410);
        notApplicable(ben, csrf).then().statusCode(410);
        assertEquals(1, Database.count(dataSource, "select count(*) from step_answer"));
        assertEquals(1, Database.count(dataSource, "select count(*) from step_answer_change"));
    }

    @Test
    void aPausedCampaignStillTakesAnswers() {
        String csrf = csrf(ben);
        Scenario.act(campaign, "pause").statusCode(200);
        answer(ben, "genai-toggle", "done", csrf).then().statusCode(303);
        assertEquals(1, Database.count(dataSource, "select count(*) from step_answer"));
        assertEquals(5, page(ben).select("form[action*=/steps/]").size());
    }

    @Test
    void aCancelledCampaignRefusesPostsToo() {
        String csrf = csrf(ben);
        Scenario.act(campaign, "cancel").statusCode(200);
        answer(ben, "genai-toggle", "done", csrf).then().statusCode(410);
        assertTrue(page(ben).select("form").isEmpty());
        assertEquals(0, Database.count(dataSource, "select count(*) from step_answer"));
    }

    @Test
    void aPostWithoutOrWithAWrongCsrfTokenIsRefusedAndRecordsNothing() {
        String anna = Scenario.token(campaign, "anna@example.com");
        long annaId = Scenario.recipientId(campaign, "anna@example.com");
        Instant now = TestClock.now();
        List<String> wrong = new ArrayList<>();
        wrong.add(null);
        wrong.add("");
        wrong.add("garbage");
        wrong.add(formTokens.issue(annaId, now)); // another recipient's form
        wrong.add(formTokens.issue(benId, now.minus(Duration.ofDays(2)))); // expired
        String valid = formTokens.issue(benId, now);
        wrong.add(valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA")); // tampered MAC
        wrong.add((now.getEpochSecond() + 1) + valid.substring(valid.indexOf('.'))); // another issue time
        for (String csrf : wrong) {
            answer(ben, "genai-toggle", "done", csrf)
                    .then()
                    .statusCode(403)
                    .contentType(containsString("text/html"))
                    .body(containsString("Please reload the page"));
            notApplicable(ben, csrf).then().statusCode(403);
        }
        assertEquals(0, Database.count(dataSource, "select count(*) from step_answer"));
        assertEquals(0, Database.count(dataSource, "select count(*) from step_answer_change"));
        assertTrue(recorded.events().isEmpty());
        // A real browser's form post under Referrer-Policy: no-referrer sends Origin: null: it is accepted.
        RestAssured.given()
                .header("Origin", "null")
                .redirects()
                .follow(false)
                .formParam("status", "done")
                .formParam("csrf", csrf(ben))
                .post("/ack/" + ben + "/steps/genai-toggle")
                .then()
                .statusCode(303);
        assertEquals(0, Database.count(dataSource, "select count(*) from step_answer where recipient_id = " + annaId));
    }

    @Test
    void aTamperedTokenIs404AndRecordsNothing() {
        String csrf = csrf(ben);
        List<String> tampered = new ArrayList<>();
        for (int position : new int[] {0, ben.indexOf('.') + 3, ben.length() / 2, ben.length() - 1}) {
            char c = ben.charAt(position);
            char other = c == 'A' ? 'B' : 'A';
            tampered.add(ben.substring(0, position) + other + ben.substring(position + 1));
        }
        tampered.add(ben + "A");
        tampered.add(ben.substring(0, ben.length() - 1));
        tampered.add("not-a-token");
        for (String token : tampered) {
            Scenario.browse(token)
                    .then()
                    .statusCode(404)
                    .contentType(containsString("text/html"))
                    .body(containsString("This link is not valid"));
            answer(token, "genai-toggle", "done", csrf).then().statusCode(404);
            notApplicable(token, csrf).then().statusCode(404);
            limiter.reset();
        }
        visitLog.flush();
        assertEquals(0, Database.count(dataSource, "select count(*) from step_answer"));
        assertEquals(1, Database.count(dataSource, "select count(*) from page_visit"), "only the valid page view");
        // The 404 page is the same whatever was wrong.
        String unknown = Scenario.browse("not-a-token").asString();
        assertEquals(unknown, Scenario.browse(tampered.get(2)).asString());
    }

    @Test
    void oneRecipientsLinkCannotAnswerForAnother() {
        String anna = Scenario.token(campaign, "anna@example.com");
        long annaId = Scenario.recipientId(campaign, "anna@example.com");
        String benCsrf = csrf(ben);
        String annaCsrf = csrf(anna);
        // Ben's link with Anna's form token, and the reverse.
        answer(ben, "genai-toggle", "done", annaCsrf).then().statusCode(403);
        answer(anna, "genai-toggle", "done", benCsrf).then().statusCode(403);
        // Ben's MAC with Anna's recipient id, and Anna's id under Ben's key id: forged tokens.
        java.util.Base64.Decoder decoder = java.util.Base64.getUrlDecoder();
        java.util.Base64.Encoder encoder = java.util.Base64.getUrlEncoder().withoutPadding();
        String keyId = ben.substring(0, ben.indexOf('.'));
        byte[] benBody = decoder.decode(ben.substring(ben.indexOf('.') + 1));
        byte[] forged = java.nio.ByteBuffer.allocate(benBody.length)
                .putLong(annaId)
                .put(benBody, Long.BYTES, benBody.length - Long.BYTES)
                .array();
        String forgedToken = keyId + "." + encoder.encodeToString(forged);
        answer(forgedToken, "genai-toggle", "done", annaCsrf).then().statusCode(404);
        answer(forgedToken, "genai-toggle", "done", benCsrf).then().statusCode(404);
        Scenario.browse(forgedToken).then().statusCode(404);
        assertEquals(0, Database.count(dataSource, "select count(*) from step_answer"));
        // Each answers only for themselves.
        answer(ben, "genai-toggle", "done", benCsrf).then().statusCode(303);
        answer(anna, "review-content", "done", annaCsrf).then().statusCode(303);
        assertEquals(
                1,
                Database.count(
                        dataSource,
                        "select count(*) from step_answer where recipient_id = " + benId
                                + " and step_key = 'genai-toggle'"));
        assertEquals(
                1,
                Database.count(
                        dataSource,
                        "select count(*) from step_answer where recipient_id = " + annaId
                                + " and step_key = 'review-content'"));
        assertEquals(2, Database.count(dataSource, "select count(*) from step_answer"));
    }

    @Test
    void aPostWithAnotherContentTypeIsRefusedAsHtml() {
        RestAssured.given()
                .contentType("application/json")
                .body("{\"status\":\"done\"}")
                .post("/ack/" + ben + "/steps/genai-toggle")
                .then()
                .statusCode(403)
                .contentType(containsString("text/html"));
        assertEquals(0, Database.count(dataSource, "select count(*) from step_answer"));
        assertTrue(recorded.events().isEmpty());
    }

    private int completed(long recipientId) {
        return (int) Database.count(
                dataSource,
                "select count(*) from recipient where id = " + recipientId + " and completed_at is not null");
    }

    private long micros(String sql) {
        return Database.count(
                dataSource,
                "select (extract(epoch from t) * 1000000)::bigint from ("
                        + sql.replaceFirst("select (\\w+) from", "select $1 as t from")
                        + ") x");
    }
}
