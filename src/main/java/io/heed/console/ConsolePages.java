package io.heed.console;

import io.heed.security.ConsoleSessions;
import io.heed.security.CurrentUser;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Builds the {@link Chrome} of the page being rendered, from the request: who is signed in, the theme cookie, the
 * flash cookie (which {@link ConsoleResponseFilter} then clears). One per request.
 */
@RequestScoped
public class ConsolePages {

    static final String THEME_COOKIE = "heed_theme";

    @Inject
    CurrentUser currentUser;

    @Inject
    HttpServerRequest request;

    private boolean flashShown;

    /** The chrome of a page of {@code section} titled {@code title}. */
    public Chrome chrome(String section, String title) {
        Chrome.User user = currentUser.consoleSession().map(ConsolePages::user).orElse(null);
        String csrf = currentUser
                .consoleSession()
                .map(ConsoleSessions.Session::csrfToken)
                .orElse("");
        Cookie flashCookie = request.getCookie(Flash.COOKIE);
        Flash flash = flashCookie == null ? null : Flash.decode(flashCookie.getValue());
        flashShown = flashCookie != null;
        return new Chrome(title, section, user, csrf, theme(), flash, request.path());
    }

    boolean flashShown() {
        return flashShown;
    }

    String theme() {
        Cookie cookie = request.getCookie(THEME_COOKIE);
        String value = cookie == null ? "auto" : cookie.getValue();
        return value.equals("dark") || value.equals("light") ? value : "auto";
    }

    private static Chrome.User user(ConsoleSessions.Session s) {
        return new Chrome.User(s.email(), s.name(), s.role(), s.regions());
    }
}
