package io.heed.platform.api;

import io.heed.platform.error.Refusal;
import io.heed.platform.web.ErrorSurface;
import io.heed.platform.web.Failure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * The JSON API's surface ({@code /api/**}): every failure as one {@link Problem}. A 401 carries the challenge for
 * HTTP Basic.
 */
@ApplicationScoped
public class ApiProblems implements ErrorSurface {

    /** The challenge of a 401: the API takes HTTP Basic (accounts) or bearer API tokens. */
    public static final String CHALLENGE = ErrorSurface.BASIC_CHALLENGE;

    static final String UNAUTHENTICATED =
            "Authentication required: HTTP Basic with an account, or 'Authorization: Bearer' with an API token.";
    static final String DENIED = "Your role does not allow this.";

    @Override
    public boolean covers(String path) {
        return ErrorSurface.under("/api", path);
    }

    @Override
    public String name() {
        return "an API request";
    }

    @Override
    public Response render(Failure failure, HttpServerRequest request) {
        Problem problem = problem(failure);
        Response.ResponseBuilder response =
                Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (failure instanceof Failure.Unauthenticated) {
            response.header("WWW-Authenticate", CHALLENGE);
        }
        if (failure instanceof Failure.Refused refused && refused.refusal().retryAfter() != null) {
            response.header(
                    "Retry-After", Math.max(1, refused.refusal().retryAfter().toSeconds()));
        }
        return response.build();
    }

    /** The problem details of a failure. */
    public static Problem problem(Failure failure) {
        if (failure instanceof Failure.Refused refused) {
            Refusal refusal = refused.refusal();
            return Problem.of(status(refusal.kind()), refusal.reason(), refusal.problems(), refusal.state());
        }
        if (failure instanceof Failure.Status status) {
            return Problem.of(status.status(), status.reason());
        }
        if (failure instanceof Failure.Unauthenticated) {
            return Problem.of(401, UNAUTHENTICATED);
        }
        if (failure instanceof Failure.Denied) {
            return Problem.of(403, DENIED);
        }
        if (failure instanceof Failure.Unavailable unavailable) {
            return Problem.of(503, unavailable.reason());
        }
        Failure.Unexpected unexpected = (Failure.Unexpected) failure;
        return Problem.of(500, "Internal error; incident " + unexpected.incident() + " is logged.");
    }

    /** The HTTP status of each kind of refusal, for every HTTP surface that has no reason to differ. */
    public static int status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case RATE_LIMITED -> 429;
        };
    }
}
