package io.heed.campaign;

import static io.heed.support.Api.asAdmin;
import static io.heed.support.Scenario.act;
import static io.heed.support.Scenario.request;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.delivery.DeliveryOutcome;
import io.heed.support.Database;
import io.heed.support.Scenario;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A campaign leaves SENDING when the last of its invitations is out (sent or failed), told by the dispatcher's
 * outcomes. The invitations are planned for tomorrow, so the background dispatcher leaves them to the test.
 */
@QuarkusTest
class CampaignAllSentTest {

    @Inject
    DataSource dataSource;

    @Inject
    RecipientDeliveryState delivery;

    long campaign;

    @BeforeEach
    void launch() {
        Database.reset(dataSource);
        campaign = Scenario.launchedTomorrow(request("All sent"));
    }

    @Test
    void aSendingCampaignBecomesActiveWhenItsLastInvitationIsOut() {
        delivery.onOutcomes(outcomes(Scenario.ACTIVE.subList(0, 5), DeliveryOutcome.Status.SENT));
        asAdmin()
                .get("/api/v1/campaigns/" + campaign)
                .then()
                .body("status", equalTo("SENDING"))
                .body("allSentAt", nullValue());
        delivery.onOutcomes(outcomes(Scenario.ACTIVE.subList(5, 6), DeliveryOutcome.Status.FAILED));
        String allSentAt = asAdmin()
                .get("/api/v1/campaigns/" + campaign)
                .then()
                .body("status", equalTo("ACTIVE"))
                .body("counts.sent", equalTo(5))
                .body("counts.failed", equalTo(1))
                .extract()
                .path("allSentAt");
        // Outcomes are told at least once: hearing them again changes nothing.
        delivery.onOutcomes(outcomes(Scenario.ACTIVE, DeliveryOutcome.Status.SENT));
        asAdmin()
                .get("/api/v1/campaigns/" + campaign)
                .then()
                .body("status", equalTo("ACTIVE"))
                .body("allSentAt", equalTo(allSentAt));
    }

    @Test
    void aCampaignPausedWhileSendingResumesAsActiveOnceAllAreOut() {
        act(campaign, "pause").statusCode(200).body("pausedFrom", equalTo("SENDING"));
        delivery.onOutcomes(outcomes(Scenario.ACTIVE, DeliveryOutcome.Status.SENT));
        asAdmin()
                .get("/api/v1/campaigns/" + campaign)
                .then()
                .body("status", equalTo("PAUSED"))
                .body("pausedFrom", equalTo("ACTIVE"))
                .body("allSentAt", notNullValue());
        act(campaign, "resume").statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void anEndedCampaignStaysEnded() {
        act(campaign, "close").statusCode(200);
        delivery.onOutcomes(outcomes(Scenario.ACTIVE, DeliveryOutcome.Status.SENT));
        asAdmin()
                .get("/api/v1/campaigns/" + campaign)
                .then()
                .body("status", equalTo("CLOSED"))
                .body("allSentAt", nullValue());
    }

    @Test
    void twoDispatchersRecordingTheLastInvitationsTogetherStillEndTheSending() throws Exception {
        // Two replicas' dispatchers record the last two batches of one campaign at the same time, each in its own
        // transaction: whichever looks for queued invitations last must see the other's as out.
        List<DeliveryOutcome> firstBatch = outcomes(Scenario.ACTIVE.subList(0, 5), DeliveryOutcome.Status.SENT);
        List<DeliveryOutcome> lastBatch = outcomes(Scenario.ACTIVE.subList(5, 6), DeliveryOutcome.Status.SENT);
        CountDownLatch firstRecorded = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        ExecutorService dispatchers = Executors.newFixedThreadPool(2);
        try {
            Future<?> first =
                    dispatchers.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                        delivery.onOutcomes(firstBatch);
                        firstRecorded.countDown();
                        awaitQuietly(firstMayCommit);
                    }));
            assertTrue(firstRecorded.await(30, TimeUnit.SECONDS), "the first batch is recorded");
            Future<?> last = dispatchers.submit(
                    () -> QuarkusTransaction.requiringNew().run(() -> delivery.onOutcomes(lastBatch)));
            // The last one either finishes at once or waits for the first to commit: either way, then let it.
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> last.isDone() || waitsForALock());
            firstMayCommit.countDown();
            first.get(30, TimeUnit.SECONDS);
            last.get(30, TimeUnit.SECONDS);
        } finally {
            firstMayCommit.countDown();
            dispatchers.shutdownNow();
        }
        asAdmin()
                .get("/api/v1/campaigns/" + campaign)
                .then()
                .body("status", equalTo("ACTIVE"))
                .body("allSentAt", notNullValue());
    }

    private boolean waitsForALock() {
        return Database.count(dataSource, "select count(*) from pg_stat_activity where wait_event_type = 'Lock'") > 0;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<DeliveryOutcome> outcomes(List<String> emails, DeliveryOutcome.Status status) {
        return emails.stream()
                .map(email -> new DeliveryOutcome(
                        0,
                        CampaignMessage.INVITATION,
                        new CampaignMessage.Invitation(Scenario.recipientId(campaign, email)).reference(),
                        status,
                        Instant.now(),
                        1,
                        status == DeliveryOutcome.Status.SENT ? "250 OK" : "550 5.1.1 unknown",
                        false))
                .toList();
    }
}
