package io.heed.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pacing per stream and for all mail, pause, resume and cancel: all held in the database. */
@QuarkusTest
@TestProfile(DeliveryTestProfile.class)
class StreamPacingTest {

    /** Test profile: poll interval 100 ms, so a paced group may take 200 ms of slots at once. */
    private static final Duration BURST = Duration.ofMillis(200);

    @Inject
    DeliveryFixture fixture;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Outbox outbox;

    @Inject
    RecordingListener listener;

    @Inject
    DataSource dataSource;

    ScriptedSmtpServer smtp;

    @BeforeEach
    void start() throws Exception {
        fixture.reset();
        smtp = ScriptedSmtpServer.start(DeliveryTestProfile.SMTP_PORT);
    }

    @AfterEach
    void stop() throws Exception {
        smtp.close();
    }

    @Test
    void aStreamsRateIsHeld() throws Exception {
        outbox.configureStream("rated", 1200); // one message per 50 ms
        fixture.enqueueMany(30, "rated");

        fixture.dispatchUntilSettled(Duration.ofSeconds(10));

        assertPaced(claimTimes("stream = 'rated'"), Duration.ofMillis(50));
        assertEquals(30, smtp.delivered().size());
    }

    @Test
    void theGlobalCapHoldsAcrossStreams() throws Exception {
        for (String stream : List.of("one", "two", "three", "four")) {
            fixture.enqueueMany(40, stream);
        }

        fixture.dispatchUntilSettled(Duration.ofSeconds(10));

        assertPaced(claimTimes("true"), Duration.ofMinutes(1).dividedBy(DeliveryTestProfile.MAX_PER_MINUTE));
        assertEquals(160, smtp.delivered().size());
    }

    @Test
    void pauseStopsAStreamWithinOneBatchAndResumeContinues() throws Exception {
        fixture.enqueueMany(80, "paused");
        fixture.enqueue("other", "other@example.com", "running");

        int first = dispatcher.dispatchOnce().claimed();
        outbox.pauseStream("paused");
        fixture.dispatchUntil(
                () -> fixture.count("stream = 'running' and status = 'SENT'") == 1, Duration.ofSeconds(5));
        TestClock.advance(BURST.plusMillis(100)); // every pacing slot is free again: only the pause holds it back
        assertEquals(0, dispatcher.dispatchOnce().claimed());

        assertTrue(first > 0 && first <= DeliveryTestProfile.BATCH_SIZE, "first batch " + first);
        assertEquals(first, fixture.count("stream = 'paused' and status = 'SENT'"));
        assertEquals(80 - first, fixture.count("stream = 'paused' and status = 'PENDING'"));
        assertEquals(1, fixture.count("stream = 'running' and status = 'SENT'"));

        outbox.resumeStream("paused");
        fixture.dispatchUntilSettled(Duration.ofSeconds(10));
        assertEquals(80, fixture.count("stream = 'paused' and status = 'SENT'"));
    }

    @Test
    void cancellingAStreamCancelsItsPendingMessagesAndTellsTheOwner() throws Exception {
        fixture.enqueueMany(5, "doomed");
        fixture.enqueue("kept", "kept@example.com", "kept");

        int cancelled = QuarkusTransaction.requiringNew().call(() -> outbox.cancelStream("doomed"));
        fixture.dispatchUntilSettled(Duration.ofSeconds(5));

        assertEquals(5, cancelled);
        assertEquals(5, fixture.count("stream = 'doomed' and status = 'CANCELLED' and cancelled_at is not null"));
        assertEquals(List.of("kept@example.com"), smtp.delivered());
        assertEquals(
                5,
                listener.outcomes().stream()
                        .filter(o -> o.status() == DeliveryOutcome.Status.CANCELLED)
                        .count());
        assertEquals(6, fixture.count("outcome_reported_at is not null"));
    }

    /**
     * Message i (in claim order) may not be claimed before the group's first slot plus i intervals, where the
     * first slot lies at most one burst before the first claim.
     */
    private static void assertPaced(List<Instant> claims, Duration interval) {
        Instant firstSlot = claims.get(0).minus(BURST);
        for (int i = 0; i < claims.size(); i++) {
            Instant earliest = firstSlot.plus(interval.multipliedBy(i));
            assertTrue(
                    !claims.get(i).isBefore(earliest.minusMillis(1)),
                    "message " + i + " claimed at " + claims.get(i) + ", before its slot " + earliest);
        }
        Duration span = Duration.between(claims.get(0), claims.get(claims.size() - 1));
        Duration least = interval.multipliedBy(claims.size() - 1).minus(BURST);
        assertTrue(span.compareTo(least) >= 0, "took " + span + ", at least " + least + " expected");
    }

    private List<Instant> claimTimes(String where) throws Exception {
        List<Instant> times = new ArrayList<>();
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery(
                        "select claimed_at from outbox_message where " + where + " order by claimed_at")) {
            while (rs.next()) {
                Timestamp at = rs.getTimestamp(1);
                times.add(at.toInstant());
            }
        }
        return times;
    }
}
