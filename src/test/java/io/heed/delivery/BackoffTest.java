package io.heed.delivery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a transiently failed message is tried again, without a database or a server. */
class BackoffTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private static final int SAMPLES = 1000;

    @Test
    void backoffDoublesWithJitterUpToItsMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(10));
        for (int i = 0; i < 100; i++) {
            long first = delay(backoff, 1);
            long third = delay(backoff, 3);
            long late = delay(backoff, 40);
            assertTrue(first >= 15_000 && first <= 30_000, "first retry after " + first);
            assertTrue(third >= 60_000 && third <= 120_000, "third retry after " + third);
            assertTrue(late >= 300_000 && late <= 600_000, "retry 40 after " + late);
        }
    }

    @Test
    void eachAttemptDoublesTheWaitAndTheJitterSpreadsItOverTheUpperHalf() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));
        for (int attempts = 1; attempts <= 7; attempts++) {
            long ceiling = 30_000L << (attempts - 1); // 30 s, 1 min, 2 min, … 32 min: all below the maximum
            long least = Long.MAX_VALUE;
            long most = 0;
            for (int i = 0; i < SAMPLES; i++) {
                long delay = delay(backoff, attempts);
                least = Math.min(least, delay);
                most = Math.max(most, delay);
            }
            assertTrue(
                    least >= ceiling / 2, "attempt " + attempts + ": waited " + least + " of at least " + ceiling / 2);
            assertTrue(most <= ceiling, "attempt " + attempts + ": waited " + most + " of at most " + ceiling);
            // spread, not one fixed delay: a batch that failed together does not come back together
            assertTrue(
                    least < ceiling * 6 / 10 && most > ceiling * 9 / 10,
                    "attempt " + attempts + ": " + least + "…" + most);
        }
    }

    @Test
    void theMaximumCapsEveryWaitHoweverManyAttempts() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));
        for (int attempts : new int[] {8, 12, 31, 64, Integer.MAX_VALUE}) {
            for (int i = 0; i < SAMPLES; i++) {
                long delay = delay(backoff, attempts);
                assertTrue(delay >= 1_800_000 && delay <= 3_600_000, "attempt " + attempts + ": waited " + delay);
            }
        }
    }

    @Test
    void anInitialWaitLongerThanTheMaximumIsCappedAndNeverOverflows() {
        Backoff longerThanMax = new Backoff(Duration.ofHours(2), Duration.ofHours(1));
        Backoff huge = new Backoff(Duration.ofMillis(Long.MAX_VALUE / 4), Duration.ofHours(1));
        for (int i = 0; i < SAMPLES; i++) {
            for (long delay : new long[] {delay(longerThanMax, 1), delay(huge, 1), delay(huge, 10), delay(huge, 31)}) {
                assertTrue(delay >= 1_800_000 && delay <= 3_600_000, "waited " + delay);
            }
        }
    }

    @Test
    void noAttemptYetWaitsAsTheFirstRetry() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));
        for (int i = 0; i < SAMPLES; i++) {
            for (int attempts : new int[] {0, -1}) {
                long delay = delay(backoff, attempts);
                assertTrue(delay >= 15_000 && delay <= 30_000, "attempts " + attempts + ": waited " + delay);
            }
        }
    }

    private static long delay(Backoff backoff, int attempts) {
        return Duration.between(NOW, backoff.nextAttempt(NOW, attempts)).toMillis();
    }
}
