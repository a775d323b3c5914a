package io.heed.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.heed.delivery.DeliveryStatusQueries.State;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How the console names delivery's state from what the outbox holds. */
class DeliveryStatusTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private static DeliveryStatusQueries.Status status(
            long due, long retrying, Instant lastHandOver, Instant oldestDue) {
        return DeliveryStatusQueries.status(
                NOW, due, retrying, retrying > 0 ? "530 5.7.0" : null, 0, lastHandOver, oldestDue);
    }

    @Test
    void messagesWaitingForARetryMeanTheRelayIsFailingWhateverElseGoesOn() {
        var status = status(10, 3, NOW, NOW);
        assertEquals(State.FAILING, status.state());
        assertTrue(status.reason().contains("3 messages waiting for another attempt"), status.reason());
    }

    @Test
    void mailJustQueuedIsNotAStallEvenOnAFreshHeedThatNeverSentAnything() {
        assertEquals(State.DELIVERING, status(1, 0, null, NOW.minusSeconds(5)).state());
    }

    @Test
    void mailDueForMinutesWithNoHandOverIsAStall() {
        Instant old = NOW.minus(Duration.ofMinutes(3));
        assertEquals(State.STALLED, status(5, 0, null, old).state());
        assertEquals(State.STALLED, status(5, 0, old, old).state());
        assertEquals(State.DELIVERING, status(5, 0, NOW.minusSeconds(10), old).state(), "handed over recently");
    }

    @Test
    void nothingDueIsIdle() {
        var status = status(0, 0, null, null);
        assertEquals(State.IDLE, status.state());
        assertTrue(status.healthy());
    }

    @Test
    void aHugeBacklogIsCountedUpToTheLimit() {
        var status = status(DeliveryStatusQueries.COUNT_LIMIT, 0, NOW, NOW);
        assertTrue(status.reason().startsWith("More than 99,999 messages"), status.reason());
    }
}
