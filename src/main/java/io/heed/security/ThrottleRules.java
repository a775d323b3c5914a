package io.heed.security;

import java.time.Duration;
import java.time.Instant;

/**
 * When a subject that failed to sign in may try again: the pure rules behind {@link SignInThrottle}, so they are
 * tested without a database. An account slows down after a few failures (each further attempt waits twice as
 * long as the one before) and is locked after more; a client address is refused for the rest of its window once
 * it has failed too often in it.
 */
final class ThrottleRules {

    /** Until when a subject is held back after its latest failure; null fields: not held. */
    record Hold(Instant nextAttemptAt, Instant lockedUntil) {

        static final Hold NONE = new Hold(null, null);

        /** The time before which no attempt is checked, or null. */
        Instant until() {
            if (lockedUntil == null) {
                return nextAttemptAt;
            }
            return nextAttemptAt == null || lockedUntil.isAfter(nextAttemptAt) ? lockedUntil : nextAttemptAt;
        }
    }

    private final SignInConfig config;

    ThrottleRules(SignInConfig config) {
        this.config = config;
    }

    /** An account's hold after its {@code failures}-th failure since its last success, at {@code now}. */
    Hold afterAccountFailure(int failures, Instant now) {
        if (failures >= config.lockAfter()) {
            return new Hold(null, now.plus(config.lockFor()));
        }
        if (failures < config.slowDownAfter()) {
            return Hold.NONE;
        }
        int doublings = Math.min(failures - config.slowDownAfter(), 30);
        Duration delay = config.firstDelay().multipliedBy(1L << doublings);
        if (delay.compareTo(config.maxDelay()) > 0) {
            delay = config.maxDelay();
        }
        return new Hold(now.plus(delay), null);
    }

    /** An address's hold after its {@code failures}-th failure in the window that started at {@code windowStart}. */
    Hold afterAddressFailure(int failures, Instant windowStart) {
        return failures >= config.addressMaxFailures()
                ? new Hold(null, windowStart.plus(config.addressWindow()))
                : Hold.NONE;
    }

    /** Whether an address's window that started at {@code windowStart} has ended by {@code now}. */
    boolean windowOver(Instant windowStart, Instant now) {
        return !now.isBefore(windowStart.plus(config.addressWindow()));
    }

    /** Whether a failure count reached the lock (for the audit log: the moment an account gets locked). */
    boolean locks(int failures) {
        return failures == config.lockAfter();
    }
}
