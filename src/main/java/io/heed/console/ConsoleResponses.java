package io.heed.console;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The answers console actions give: post/redirect/get, with a flash message for the page redirected to. */
public final class ConsoleResponses {

    private ConsoleResponses() {}

    /** 303 to {@code path} (a console path), showing {@code flash} there once. */
    public static Response seeOther(String path, Flash flash) {
        Response.ResponseBuilder response = Response.seeOther(URI.create(safe(path)));
        if (flash != null) {
            response.header("Set-Cookie", flashCookie(flash.encode(), 60).encode());
        }
        return response.build();
    }

    public static Response seeOther(String path) {
        return seeOther(path, null);
    }

    /**
     * A console path to go to after signing in or an action, from a query parameter or form field: only a path of
     * the console itself, so a link cannot send someone elsewhere (no open redirect).
     */
    public static String safe(String path) {
        if (path == null
                || !(path.equals("/console") || path.startsWith("/console/") || path.startsWith("/console?"))
                || path.startsWith("//")
                || path.contains("\\")
                || path.chars().anyMatch(c -> c < 0x20)) {
            return "/console";
        }
        return path;
    }

    static Cookie flashCookie(String value, long maxAge) {
        return Cookie.cookie(Flash.COOKIE, value)
                .setPath("/console")
                .setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT)
                .setMaxAge(maxAge);
    }
}
