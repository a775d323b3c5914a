package io.heed.security;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;

/**
 * The console's session cookie: {@code HttpOnly} (no script reads it), {@code SameSite=Strict} (no other site's
 * page sends it: with the CSRF token, what keeps forged forms out), {@code Path=/console}, {@code Secure} behind
 * TLS. It lives as long as the session may (the server ends it sooner when idle or signed out).
 */
public final class ConsoleSessionCookie {

    public static final String NAME = "heed_session";
    static final String PATH = "/console";

    private ConsoleSessionCookie() {}

    /**
     * The {@code Set-Cookie} value that starts a session.
     *
     * @param secure whether to mark it Secure (the request came over TLS, or {@code secure-cookie=always})
     */
    public static String header(String secret, boolean secure, long maxAgeSeconds) {
        return Cookie.cookie(NAME, secret)
                .setPath(PATH)
                .setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT)
                .setSecure(secure)
                .setMaxAge(maxAgeSeconds)
                .encode();
    }

    /** The cookie that removes a session's cookie from the browser. */
    public static Cookie cleared() {
        return Cookie.cookie(NAME, "")
                .setPath(PATH)
                .setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT)
                .setMaxAge(0);
    }

    public static String clearedHeader() {
        return cleared().encode();
    }
}
