package io.heed.acknowledgement;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slows down guessing: counts each client address's refused {@code /ack} requests (unknown or tampered link,
 * bad form, unknown step) in a fixed window; once an address has {@code max-failures} in its window, every
 * {@code /ack} request from it is answered 429 until the window ends. Successful requests cost nothing here.
 *
 * <p>In memory and per replica, by design: n replicas behind a round-robin balancer let an address fail up to n
 * times the limit, which still makes guessing a 128-bit MAC hopeless; links are unguessable anyway, the limiter
 * only keeps noise and cost down. Keyed by the address the HTTP layer reports: behind a proxy, enable
 * {@code quarkus.http.proxy.proxy-address-forwarding} (and trust only the proxy), or every employee shares the
 * proxy's address and its limit. Many employees behind one NAT share an address too: the default limit is set
 * so that normal mistakes of a whole office stay well below it.
 */
@ApplicationScoped
class FailureLimiter {

    private record Window(Instant start, AtomicInteger failures) {}

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    @Inject
    AcknowledgementConfig config;

    @Inject
    Clock clock;

    /** How long {@code address} must wait, or {@link Duration#ZERO} when it may go on. */
    Duration retryAfter(String address) {
        Window window = windows.get(address);
        if (window == null || window.failures().get() < config.rateLimit().maxFailures()) {
            return Duration.ZERO;
        }
        Instant end = window.start().plus(config.rateLimit().window());
        Instant now = clock.instant();
        if (!now.isBefore(end)) {
            windows.remove(address, window);
            return Duration.ZERO;
        }
        return Duration.between(now, end);
    }

    void recordFailure(String address) {
        Instant now = clock.instant();
        Duration length = config.rateLimit().window();
        Window window = windows.compute(
                address,
                (key, current) ->
                        current == null || !now.isBefore(current.start().plus(length))
                                ? new Window(now, new AtomicInteger())
                                : current);
        window.failures().incrementAndGet();
        if (windows.size() > config.rateLimit().maxAddresses()) {
            forgetExpired();
        }
    }

    /** Drops ended windows; the map never holds more than the addresses that failed within one window. */
    // Per replica, like the limiter's memory: the in-memory scheduler, not Quartz's once-per-cluster one.
    @Scheduled(executeWith = Scheduled.SIMPLE, every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetExpired() {
        Instant cutoff = clock.instant().minus(config.rateLimit().window());
        windows.values().removeIf(w -> !w.start().isAfter(cutoff));
        if (windows.size() > config.rateLimit().maxAddresses()) {
            // Under a flood of distinct addresses, forget everyone rather than grow without bound.
            windows.clear();
        }
    }

    /** Forgets every address (tests). */
    void reset() {
        windows.clear();
    }
}
