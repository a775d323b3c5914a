package io.heed.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Signing in to the console and HTTP Basic on the API: how repeated failures slow down and then lock, and how
 * long a console session lasts.
 */
@ConfigMapping(prefix = "heed.sign-in")
interface SignInConfig {

    /** Failures of one account, since its last success, after which each further attempt must wait. */
    @WithDefault("3")
    int slowDownAfter();

    /** The first wait; it doubles with every further failure, up to {@link #maxDelay()}. */
    @WithDefault("PT2S")
    Duration firstDelay();

    @WithDefault("PT1M")
    Duration maxDelay();

    /** Failures of one account after which it is locked for {@link #lockFor()}. */
    @WithDefault("10")
    int lockAfter();

    @WithDefault("PT15M")
    Duration lockFor();

    /** Failures from one client address within {@link #addressWindow()} after which it is refused until then. */
    @WithDefault("30")
    int addressMaxFailures();

    @WithDefault("PT15M")
    Duration addressWindow();

    /** The console session. */
    Session session();

    interface Session {
        /** A session unused for this long ends. */
        @WithDefault("PT30M")
        Duration idleTimeout();

        /** A session ends this long after signing in, however busy. */
        @WithDefault("PT12H")
        Duration maxAge();

        /**
         * Whether the session cookie is marked {@code Secure}: {@code auto} when the request came over TLS (behind a
         * TLS-terminating proxy, enable {@code quarkus.http.proxy.proxy-address-forwarding} so Heed sees it),
         * {@code always}, or {@code never} (plain HTTP on localhost only).
         */
        @WithDefault("auto")
        String secureCookie();
    }
}
