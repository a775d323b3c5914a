package io.heed.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * A rate as a virtual schedule (the generic cell rate algorithm): a paced group of messages has a next free
 * slot; claiming k messages moves it k intervals on, where an interval is 60 s divided by the rate per minute.
 * A group that was idle may catch up at most {@code burst} worth of slots, so it never sends a backlog at once.
 * The slot itself lives in PostgreSQL (outbox_stream, outbox_pacing) and is read and moved under a row lock,
 * so the rate holds for the whole cluster.
 */
record Pacing(int ratePerMinute, Duration burst) {

    Pacing {
        if (ratePerMinute < 1) {
            throw new IllegalArgumentException("ratePerMinute must be positive");
        }
    }

    Duration interval() {
        return Duration.ofNanos(60_000_000_000L / ratePerMinute);
    }

    /** How many messages may be claimed at {@code now}, given the group's next slot (null: never paced yet). */
    Grant grant(Instant now, Instant nextSlot, int wanted) {
        Instant earliest = now.minus(burst);
        Instant base = nextSlot == null || nextSlot.isBefore(earliest) ? earliest : nextSlot;
        if (base.isAfter(now) || wanted <= 0) {
            return new Grant(0, base);
        }
        long intervalNanos = interval().toNanos();
        long slots = Duration.between(base, now).toNanos() / intervalNanos + 1;
        return new Grant((int) Math.min(slots, wanted), base);
    }

    /** The next slot after {@code count} of a {@link Grant} were used. */
    Instant after(Grant grant, int count) {
        return grant.base().plusNanos(interval().toNanos() * count);
    }

    /** {@code allowed} messages may go now; {@code base} is the slot the first of them takes. */
    record Grant(int allowed, Instant base) {}
}
