package io.heed.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** The outbox dispatcher that runs on every replica (see docs/delivery.md). */
@ConfigMapping(prefix = "heed.delivery")
interface DeliveryConfig {

    /** Run the dispatcher on this replica. Off: mail is queued but not sent by this replica. */
    @WithDefault("true")
    boolean enabled();

    /**
     * How often an idle dispatcher looks for due mail. After a full batch it looks again at once. Also the
     * pacing granularity: a paced stream may receive up to two poll intervals' worth of slots at once.
     */
    @WithDefault("500ms")
    Duration pollInterval();

    /**
     * Most messages claimed, sent and recorded together. Also the bound on duplicates after a crash: only
     * messages of a batch in flight can be sent twice.
     */
    @WithDefault("200")
    int batchSize();

    /** Attempts before a message that keeps failing transiently becomes FAILED. */
    @WithDefault("12")
    int maxAttempts();

    /**
     * How long a claimed (SENDING) message belongs to its dispatcher. Must exceed the time to send one batch;
     * after it, another dispatcher may claim the message again (which is how a crashed replica's batch is
     * finished).
     */
    @WithDefault("10m")
    Duration lease();

    Backoff backoff();

    interface Backoff {
        /** Delay before the second attempt; each further attempt doubles it, up to {@code max}, with jitter. */
        @WithDefault("30s")
        Duration initial();

        /** Longest delay between two attempts. */
        @WithName("max")
        @WithDefault("1h")
        Duration maximum();
    }
}
