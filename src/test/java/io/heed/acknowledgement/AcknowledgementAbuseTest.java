package io.heed.acknowledgement;

import static io.heed.support.Scenario.answer;
import static io.heed.support.Scenario.browse;
import static io.heed.support.Scenario.csrf;
import static io.heed.support.Scenario.notApplicable;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.security.LinkTokens;
import io.heed.support.Database;
import io.heed.support.Scenario;
import io.heed.support.TestClock;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Guessing links, leaking them, and failing: the rate limit, the log, and the generic error page. */
@QuarkusTest
class AcknowledgementAbuseTest {

    @Inject
    DataSource dataSource;

    @Inject
    LinkTokens linkTokens;

    @Inject
    VisitLog visitLog;

    @Inject
    FailureLimiter limiter;

    @Inject
    AcknowledgementConfig config;

    long campaign;

    @BeforeEach
    void launch() {
        limiter.reset();
        Database.reset(dataSource);
        campaign = Scenario.launchedTomorrow(Scenario.request("LinkedIn opt-out"));
    }

    @AfterEach
    void cleanUp() {
        visitLog.flush();
        limiter.reset();
    }

    @Test
    void anAddressThatKeepsFailingIsAnswered429UntilItsWindowEnds() {
        String ben = Scenario.token(campaign, "ben@example.com");
        String csrf = csrf(ben);
        int limit = config.rateLimit().maxFailures();
        for (int i = 0; i < limit; i++) {
            String guess = i % 3 == 0 ? "guess" + i : i % 3 == 1 ? ben + "x" : ben;
            int expected = i % 3 == 2 ? 403 : 404;
            if (i % 3 == 2) {
                answer(guess, "genai-toggle", "done", "wrong-" + i).then().statusCode(expected);
            } else {
                browse(guess).then().statusCode(expected);
            }
        }
        // Now everything from this address waits, a valid link included, and nothing is recorded.
        browse(ben)
                .then()
                .statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .contentType(containsString("text/html"))
                .body(containsString("Too many attempts"))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        answer(ben, "genai-toggle", "done", csrf).then().statusCode(429);
        notApplicable(ben, csrf).then().statusCode(429);
        given().head("/ack/" + ben).then().statusCode(429);
        assertEquals(0, Database.count(dataSource, "select count(*) from step_answer"));

        // A minute before the window ends the address still waits; once it has ended, it may go on.
        TestClock.advance(config.rateLimit().window().minus(Duration.ofMinutes(1)));
        browse(ben).then().statusCode(429);
        TestClock.advance(Duration.ofMinutes(1));
        answer(ben, "genai-toggle", "done", csrf).then().statusCode(303);
        assertEquals(1, Database.count(dataSource, "select count(*) from step_answer"));
    }

    @Test
    void successesDoNotCountTowardsTheLimit() {
        String ben = Scenario.token(campaign, "ben@example.com");
        String csrf = csrf(ben);
        for (int i = 0; i < config.rateLimit().maxFailures() + 5; i++) {
            browse(ben).then().statusCode(200);
            answer(ben, "genai-toggle", "done", csrf).then().statusCode(303);
        }
        // 410 is not a failure either: the employee did nothing wrong.
        Scenario.act(campaign, "close").statusCode(200);
        for (int i = 0; i < config.rateLimit().maxFailures() + 5; i++) {
            answer(ben, "genai-toggle", "done", csrf).then().statusCode(410);
        }
        browse(ben).then().statusCode(200);
    }

    @Test
    void noLinkTokenEverReachesTheApplicationLog() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
                if (record.getParameters() != null) {
                    for (Object parameter : record.getParameters()) {
                        line.append(' ').append(parameter);
                    }
                }
                if (record.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    record.getThrown().printStackTrace(new PrintWriter(trace));
                    line.append(' ').append(trace);
                }
                lines.add(line.toString());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String ben = Scenario.token(campaign, "ben@example.com");
        String anna = Scenario.token(campaign, "anna@example.com");
        try {
            String csrf = csrf(ben);
            browse(ben).then().statusCode(200);
            given().head("/ack/" + ben).then().statusCode(200);
            answer(ben, "genai-toggle", "done", csrf).then().statusCode(303);
            for (String step : Scenario.STEPS) {
                answer(ben, step, "done", csrf).then().statusCode(303);
            }
            notApplicable(anna, csrf(anna)).then().statusCode(303);
            answer(ben, "no-such-step", "done", csrf).then().statusCode(400);
            answer(ben, "genai-toggle", "done", "forged").then().statusCode(403);
            browse(ben + "x").then().statusCode(404);
            given().get("/ack/" + ben + "/no/such/path").then().statusCode(404);
            // An unexpected failure: logged with its stack trace and an incident id, the page stays generic.
            QuarkusMock.installMockForType(new FailingTexts(), PlaybookPageText.class);
            browse(anna)
                    .then()
                    .statusCode(500)
                    .contentType(containsString("text/html"))
                    .body(containsString("Something went wrong"))
                    .body(not(containsString("IllegalStateException")))
                    .body(not(containsString("boom")));
            visitLog.flush();
        } finally {
            root.removeHandler(capture);
        }
        assertTrue(
                lines.stream().anyMatch(l -> l.contains("Unexpected error on an acknowledgement page")),
                "the failure was logged");
        assertTrue(lines.stream().anyMatch(l -> l.contains(LinkTokens.fingerprint(ben))), "the answer path logged");
        for (String line : lines) {
            for (String token : List.of(ben, anna)) {
                assertFalse(line.contains(token), "a link token in the log: " + line);
                assertFalse(line.contains(token.substring(token.indexOf('.') + 1)), line);
            }
        }
    }

    /** The page's playbook text failing at the worst moment. */
    static class FailingTexts extends PlaybookPageText {
        @Override
        Text of(long versionId, String locale, String lang) {
            throw new IllegalStateException("boom");
        }
    }
}
