package io.heed.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a transiently failed message is tried again: exponential backoff with jitter. The n-th retry waits
 * between half and all of {@code initial × 2^(n-1)}, capped at {@code max}; the jitter spreads a batch that failed
 * together (a server that was down) over time instead of retrying it in one burst.
 */
record Backoff(Duration initial, Duration max) {

    static Backoff of(DeliveryConfig config) {
        return new Backoff(config.backoff().initial(), config.backoff().maximum());
    }

    /** @param attempts attempts made so far, at least 1 */
    Instant nextAttempt(Instant now, int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << doublings);
        if (ceiling <= 0) {
            ceiling = max.toMillis();
        }
        long delay = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        return now.plusMillis(delay);
    }
}
