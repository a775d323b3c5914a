package io.heed.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of every {@code @QuarkusTest}: the system's time plus an offset that tests move, so a rule that
 * depends on time (a reminder due after three days, a form token that expires, a deadline that passes) is
 * tested by moving time instead of waiting or ageing rows by hand. It replaces the application's clock
 * ({@code platform.ClockProducer}) for every bean. Time keeps running: only the offset is the test's.
 * {@link #reset()} (done by {@link Database#reset}) puts it back to the system time.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

    /** Moves the time every bean reads forward (or back, with a negative duration). */
    public static void advance(Duration by) {
        OFFSET.updateAndGet(offset -> offset.plus(by));
    }

    /** Back to the system's time. */
    public static void reset() {
        OFFSET.set(Duration.ZERO);
    }

    /** The time the application reads now. */
    public static Instant now() {
        return Instant.now().plus(OFFSET.get());
    }

    @Override
    public Instant instant() {
        return now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), OFFSET.get());
    }
}
