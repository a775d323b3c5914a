package io.heed.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a crash leaves behind: rows claimed (SENDING) by a dispatcher that never came back, and outcomes that
 * arrive after someone else took over. Leases end by moving the {@link TestClock}, the clock claims compare them
 * with.
 */
@QuarkusTest
@TestProfile(DeliveryTestProfile.class)
class CrashSafetyTest {

    @Inject
    DeliveryFixture fixture;

    @Inject
    Dispatcher dispatcher;

    @Inject
    OutboxClaims claims;

    @Inject
    OutboxOutcomes outcomes;

    @Inject
    DeliveryConfig config;

    @Inject
    RecordingListener listener;

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
    void aClaimWhoseLeaseExpiredIsClaimedAgainAndSent() throws Exception {
        long orphan = fixture.enqueue("orphan", "orphan@example.com", "s");
        claimByADeadDispatcher(orphan);
        TestClock.advance(config.lease().plusMinutes(1));

        fixture.dispatchUntilSettled(Duration.ofSeconds(10));

        assertEquals(List.of("orphan@example.com"), smtp.delivered());
        assertEquals(1, fixture.count("id = " + orphan + " and status = 'SENT' and attempts = 2"));
    }

    @Test
    void aClaimWithinItsLeaseIsLeftToItsDispatcher() throws Exception {
        long busy = fixture.enqueue("busy", "busy@example.com", "s");
        claimByADeadDispatcher(busy);
        TestClock.advance(config.lease().minusMinutes(1));

        assertEquals(0, dispatcher.dispatchOnce().claimed());

        assertEquals(List.of(), smtp.delivered());
        assertEquals(1, fixture.count("id = " + busy + " and status = 'SENDING'"));
    }

    @Test
    void anOutcomeFromAClaimThatWasTakenOverIsIgnored() throws Exception {
        long id = fixture.enqueue("late", "late@example.com", "s");
        claimByADeadDispatcher(id);
        QueuedMessage message =
                new QueuedMessage(id, TestMailComposer.KIND, "late", "late@example.com", "s", "<x@y>", 1, false);

        int recorded = outcomes.record(
                UUID.randomUUID(),
                List.of(new OutboxOutcomes.Change(message, OutboxMessage.Status.FAILED, "550 stale", null, null)),
                true);

        assertEquals(0, recorded);
        assertEquals(1, fixture.count("id = " + id + " and status = 'SENDING'"));
        assertTrue(listener.outcomes().isEmpty());
    }

    @Test
    void whenAListenerFailsTheOutcomeIsKeptAndReportedAgain() throws Exception {
        long id = fixture.enqueue("told", "told@example.com", "s");
        listener.failNext(1);

        dispatcher.dispatchOnce();

        assertEquals(1, fixture.count("id = " + id + " and status = 'SENT' and outcome_reported_at is null"));
        assertTrue(listener.outcomes().isEmpty());

        dispatcher.dispatchOnce();

        assertEquals(1, fixture.count("id = " + id + " and outcome_reported_at is not null"));
        assertEquals(1, listener.outcomes().size());
        assertEquals(DeliveryOutcome.Status.SENT, listener.outcomes().get(0).status());
        assertEquals(List.of("told@example.com"), smtp.delivered(), "sent once");
    }

    /** A dispatcher claims the message (SENDING, attempt 1, under its lease) and dies before any outcome. */
    private void claimByADeadDispatcher(long id) {
        OutboxClaims.Claim claim = claims.claim();
        assertEquals(
                List.of(id), claim.messages().stream().map(QueuedMessage::id).toList());
        assertEquals(1, fixture.count("id = " + id + " and status = 'SENDING' and attempts = 1"));
    }
}
