package io.heed.console;

import static io.heed.support.Api.ADMIN_EMAIL;
import static io.heed.support.Api.ADMIN_PASSWORD;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.console.campaign.detail.LiveCampaigns;
import io.heed.support.Browser;
import io.heed.support.ConsoleSession;
import io.heed.support.Database;
import io.heed.support.Scenario;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A campaign's page in the console: its numbers live over SSE, its state actions, exports, as a CISO uses them. */
@QuarkusTest
class CampaignDetailTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @Inject
    LiveCampaigns live;

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

    private Browser browser() {
        if (browser == null) {
            browser = Browser.open(base.toString());
        }
        browser.driver().manage().deleteAllCookies();
        return browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    private static long launched() {
        return Scenario.launchedTomorrow(Scenario.request("Opt out of GenAI training"));
    }

    private String status(long id) {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("select status from campaign where id = ?")) {
            s.setLong(1, id);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theNumbersMoveWithoutReloadWhenAnEmployeeAnswers() {
        long id = launched();
        Browser b = browser().visit("/console/campaigns/" + id);
        assertEquals("6", b.text("#n-recipients"));
        assertEquals("0", b.text("#n-completed"));
        b.driver().executeScript("document.documentElement.dataset.marker = 'same-page'");
        b.look("campaign-detail");

        String token = Scenario.token(id, "anna@example.com");
        for (String step : Scenario.STEPS) {
            Scenario.answered(token, step, "done");
        }

        b.awaitText("#n-completed", "1");
        b.awaitText("#n-visited", "1");
        assertEquals("same-page", b.find("html").getDomAttribute("data-marker"), "the page was not reloaded");

        b.visit("/console/campaigns/" + id + "/compliance");
        assertTrue(b.text("#heat").contains("EMEA"));
        assertTrue(b.text("#groups").contains("EMEA"));
        assertTrue(!b.findAll("svg.chart rect").isEmpty(), "completions per day drawn");
        b.look("campaign-compliance");
        b.visit("/console/campaigns/" + id + "/compliance?by=department");
        assertTrue(b.text("#groups").contains("Engineering"));
        b.look("campaign-compliance-department");
        b.visit("/console/campaigns/" + id + "/exports");
        b.look("campaign-exports");
    }

    @Test
    void pauseAndResumeFromThePageAndARefusedMoveSaysWhy() {
        long id = launched();
        Browser b = browser().visit("/console/campaigns/" + id);
        assertTrue(b.findAll("button[value=resume]").isEmpty(), "resume is not offered while sending");
        b.submit("button[value=pause]");
        assertTrue(b.text(".flash").contains("paused"));
        assertEquals("Paused", b.text("#campaign-status"));
        assertEquals("PAUSED", status(id));
        b.look("campaign-detail-paused");
        b.submit("button[value=resume]");
        assertEquals("Sending", b.text("#campaign-status"));
        assertEquals("SENDING", status(id));

        // A move the state does not allow, posted anyway (a stale page): the refusal's reason, in words.
        ConsoleSession session = ConsoleSession.asAdmin(base);
        Response refused = session.post().post("/console/campaigns/" + id + "/resume");
        refused.then().statusCode(303).header("Location", endsWith("/console/campaigns/" + id));
        String page = session.get()
                .cookie("heed_flash", refused.getCookie("heed_flash"))
                .get("/console/campaigns/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(page.contains("Cannot resume a campaign that is SENDING."), page);
    }

    @Test
    void stateActionsAreFormPostsWithoutJavaScriptAndNeedTheCsrfToken() {
        long id = launched();
        ConsoleSession session = ConsoleSession.asAdmin(base);
        session.get().post("/console/campaigns/" + id + "/pause").then().statusCode(403);
        assertEquals("SENDING", status(id));
        session.post()
                .post("/console/campaigns/" + id + "/pause")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/console/campaigns/" + id));
        assertEquals("PAUSED", status(id));
        session.post().post("/console/campaigns/" + id + "/close").then().statusCode(303);
        assertEquals("CLOSED", status(id));
        session.get()
                .get("/console/campaigns/" + id)
                .then()
                .statusCode(200)
                .body(containsString("Closed"))
                .body(org.hamcrest.Matchers.not(containsString("value=\"pause\"")));
    }

    @Test
    void exportsAndReportRecipientsWorkOverTheSessionCookie() {
        long id = launched();
        ConsoleSession session = ConsoleSession.asAdmin(base);
        session.get()
                .get("/console/campaigns/" + id + "/report.csv")
                .then()
                .statusCode(200)
                .body(containsString("anna@example.com"));
        session.get().get("/console/campaigns/" + id + "/report.pdf").then().statusCode(200);
        session.get().get("/console/campaigns/" + id + "/report.xlsx").then().statusCode(200);

        session.post()
                .formParam("region", "EMEA")
                .formParam("email", "not an address")
                .post("/console/campaigns/" + id + "/report-recipients/add")
                .then()
                .statusCode(422)
                .body(containsString("aria-invalid=\"true\""));
        session.post()
                .formParam("region", "EMEA")
                .formParam("email", "officer@example.com")
                .post("/console/campaigns/" + id + "/report-recipients/add")
                .then()
                .statusCode(303);
        session.get().get("/console/campaigns/" + id + "/exports").then().body(containsString("officer@example.com"));
        session.post()
                .formParam("region", "EMEA")
                .formParam("email", "officer@example.com")
                .post("/console/campaigns/" + id + "/report-recipients/remove")
                .then()
                .statusCode(303);
        session.get()
                .get("/console/campaigns/" + id + "/exports")
                .then()
                .body(org.hamcrest.Matchers.not(containsString("officer@example.com")));
    }

    @Test
    void fiftyWatchersCostOneReadPerTick() throws Exception {
        long id = launched();
        ConsoleSession session = ConsoleSession.asAdmin(base);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newCachedThreadPool();
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .executor(pool)
                .build();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        int watchers = 50;
        CountDownLatch everyoneGotNumbers = new CountDownLatch(watchers);
        List<InputStream> streams = new ArrayList<>();
        List<CompletableFuture<Void>> readers = new ArrayList<>();
        try {
            for (int i = 0; i < watchers; i++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "console/campaigns/" + id + "/live"))
                        .header("Cookie", "heed_session=" + session.cookie())
                        .header("Accept", "text/event-stream")
                        .build();
                readers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                        .thenAcceptAsync(
                                response -> {
                                    statuses.add(response.statusCode());
                                    synchronized (streams) {
                                        streams.add(response.body());
                                    }
                                    try (BufferedReader lines = new BufferedReader(
                                            new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                                        // Each watcher stays connected until the test ends, reading every event:
                                        // leaving at the first one would change how many watch.
                                        String line;
                                        boolean counted = false;
                                        while ((line = lines.readLine()) != null) {
                                            if (!counted && line.startsWith("data:") && line.contains("n-recipients")) {
                                                everyoneGotNumbers.countDown();
                                                counted = true;
                                            }
                                        }
                                    } catch (java.io.IOException e) {
                                        // closed at the end of the test
                                    }
                                },
                                pool));
            }
            await(
                    () -> live.watching(id) == watchers,
                    () -> "all 50 connections watch; watching " + live.watching(id) + ", answers " + statuses);
            LiveCampaigns.Stats before = live.stats(id);
            await(() -> live.stats(id).ticks() >= before.ticks() + 3, () -> "three ticks");
            LiveCampaigns.Stats after = live.stats(id);
            assertEquals(
                    after.ticks() - before.ticks(),
                    after.campaignReads() - before.campaignReads(),
                    "one read of the campaign per tick, whatever the number of watchers");
            assertTrue(everyoneGotNumbers.await(10, TimeUnit.SECONDS), "every watcher received the numbers");
        } finally {
            synchronized (streams) {
                for (InputStream s : streams) {
                    s.close();
                }
            }
            readers.forEach(r -> r.cancel(true));
            pool.shutdownNow();
        }
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> what) {
        org.awaitility.Awaitility.await()
                .alias(what.get())
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(condition::getAsBoolean);
    }
}
