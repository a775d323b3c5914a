package io.heed.console;

import io.heed.platform.api.ApiProblems;
import io.heed.platform.web.ErrorSurface;
import io.heed.platform.web.Failure;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The console's surface ({@code /console/**}): a request without a session goes to the sign-in page (and back
 * afterwards), never to a JSON 401; every other failure is a page in the console's layout saying what happened in
 * words, with the incident id of a fault. Forms show their own field errors; what reaches this surface is what no
 * form handled.
 */
@ApplicationScoped
class ConsoleErrorPages implements ErrorSurface {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(Chrome chrome, int status, String heading, String text, String incident);
    }

    @Inject
    ConsolePages pages;

    @Override
    public boolean covers(String path) {
        return ErrorSurface.under("/console", path);
    }

    @Override
    public String name() {
        return "a console page";
    }

    @Override
    public Response render(Failure failure, HttpServerRequest request) {
        if (failure instanceof Failure.Unauthenticated) {
            return toSignIn(request);
        }
        if (failure instanceof Failure.Refused refused) {
            int status = ApiProblems.status(refused.refusal().kind());
            return page(status, heading(status), refused.refusal().reason(), null);
        }
        if (failure instanceof Failure.Status s) {
            return page(
                    s.status(), heading(s.status()), s.status() == 404 ? "There is no such page." : s.reason(), null);
        }
        if (failure instanceof Failure.Denied) {
            return page(403, "Not allowed", "Your role does not allow this.", null);
        }
        if (failure instanceof Failure.Unavailable unavailable) {
            return page(503, "Heed cannot reach its database", unavailable.reason(), null);
        }
        Failure.Unexpected unexpected = (Failure.Unexpected) failure;
        return page(
                500,
                "Something went wrong",
                "Heed could not finish this. The error is logged; tell your administrator the incident id.",
                unexpected.incident());
    }

    /** A form or htmx request without the session's CSRF token. */
    Response csrfRefused(HttpServerRequest request) {
        return page(
                403,
                "This form has expired",
                "The form did not carry this session's security token (it may be from an older session, or from"
                        + " another site). Nothing was changed. Go back, reload the page and try again.",
                null);
    }

    private Response toSignIn(HttpServerRequest request) {
        String next = "GET".equals(request.method().name()) ? request.uri() : "/console";
        String login = SignInController.LOGIN + "?next="
                + URLEncoder.encode(ConsoleResponses.safe(next), StandardCharsets.UTF_8);
        if (request.getHeader("HX-Request") != null) {
            // htmx loads the sign-in page as a whole page instead of swapping it into a fragment.
            return Response.status(401).header("HX-Redirect", login).build();
        }
        return Response.seeOther(URI.create(login)).build();
    }

    private Response page(int status, String heading, String text, String incident) {
        String html;
        try {
            html = Templates.error(pages.chrome("", heading), status, heading, text, incident)
                    .render();
        } catch (RuntimeException e) {
            // The error page itself failed (its layout, the session): still answer, in plain text.
            return Response.status(status)
                    .type("text/plain;charset=UTF-8")
                    .entity(heading + ". " + text + (incident == null ? "" : " Incident " + incident + ".") + "\n")
                    .build();
        }
        return Response.status(status)
                .type("text/html;charset=UTF-8")
                .entity(html)
                .build();
    }

    private static String heading(int status) {
        return switch (status) {
            case 400 -> "That did not work";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 409 -> "Not possible right now";
            case 413 -> "Too large";
            case 429 -> "Too many attempts";
            default -> "That did not work";
        };
    }
}
