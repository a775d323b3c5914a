package io.heed.console;

import io.heed.platform.web.ErrorSurface;
import io.heed.security.ConsoleSessions;
import io.heed.security.CurrentUser;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The console's CSRF check: every request under {@code /console} that changes something (any method but GET,
 * HEAD and OPTIONS) must carry the session's CSRF token, in the form field {@value #FIELD} (plain forms) or the
 * header {@value #HEADER} (htmx, set by {@code console.js}); otherwise it is answered 403 and nothing runs. The
 * sign-in form has no session yet: it is checked by its Origin instead ({@code SignInController}). Only the console:
 * the employee pages under {@code /ack} carry their own token, the API its own credentials.
 */
class ConsoleCsrfFilter {

    static final String FIELD = "_csrf";
    static final String HEADER = "X-CSRF-Token";

    @Inject
    CurrentUser currentUser;

    @Inject
    ConsoleErrorPages errorPages;

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext context, HttpServerRequest http) {
        String path = http.path();
        String method = context.getMethod();
        if (!ErrorSurface.under("/console", path)
                || method.equals("GET")
                || method.equals("HEAD")
                || method.equals("OPTIONS")
                || path.equals(SignInController.LOGIN)) {
            return null;
        }
        Optional<String> expected = currentUser.consoleSession().map(ConsoleSessions.Session::csrfToken);
        if (expected.isEmpty()) {
            return null; // not signed in: the page itself sends the browser to the sign-in page
        }
        String given = http.getHeader(HEADER);
        if (given == null) {
            Object field = ((ResteasyReactiveRequestContext) context.getServerRequestContext())
                    .getFormParameter(FIELD, true, false);
            given = field == null ? null : field.toString();
        }
        if (given == null
                || !MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), expected.get().getBytes(StandardCharsets.UTF_8))) {
            return errorPages.csrfRefused(http);
        }
        return null;
    }
}
