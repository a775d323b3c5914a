package io.heed.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The arithmetic of pacing, without a database or a server. */
class PacingTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void anIdleGroupGetsOneBurstThenOneSlotPerInterval() {
        Pacing pacing = new Pacing(600, Duration.ofSeconds(1)); // one per 100 ms

        Pacing.Grant first = pacing.grant(NOW, null, 1000);
        assertEquals(11, first.allowed(), "the slot now and ten from the last second");
        Instant next = pacing.after(first, first.allowed());
        assertEquals(NOW.plusMillis(100), next);

        assertEquals(0, pacing.grant(NOW.plusMillis(50), next, 1000).allowed());
        assertEquals(1, pacing.grant(NOW.plusMillis(100), next, 1000).allowed());
        assertEquals(5, pacing.grant(NOW.plusMillis(500), next, 1000).allowed());
        assertEquals(3, pacing.grant(NOW.plusMillis(500), next, 3).allowed(), "never more than wanted");
        assertEquals(11, pacing.grant(NOW.plusSeconds(3600), next, 1000).allowed(), "idle time is not saved up");
    }

    @Test
    void overAMinuteAGroupGetsItsRate() {
        Pacing pacing = new Pacing(1200, Duration.ofMillis(200));
        Instant slot = null;
        int total = 0;
        for (Instant t = NOW; t.isBefore(NOW.plusSeconds(60)); t = t.plusMillis(137)) {
            Pacing.Grant grant = pacing.grant(t, slot, 50);
            total += grant.allowed();
            slot = grant.allowed() > 0 ? pacing.after(grant, grant.allowed()) : slot;
        }
        assertTrue(total >= 1195 && total <= 1205, "sent " + total);
    }
}
