package io.heed.security;

import io.heed.platform.api.ApiProblems;
import io.heed.platform.api.Problem;
import io.heed.platform.web.ErrorSurface;
import io.heed.platform.web.Failure;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Missing or wrong credentials, and a role that is not allowed, refused by the HTTP layer (proactive
 * authentication, path policies) before any REST method runs: under {@code /api} answered with the API's problem
 * details and its Basic challenge. Other paths keep their own mechanism's answer (the console's form login
 * redirects to its sign-in page). Refusals inside a REST call ({@code @RolesAllowed}) take the same shape through
 * {@code platform.web.ErrorMappers}.
 */
@ApplicationScoped
class AuthFailureResponses {

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        Throwable failure = context.failure();
        if (context.response().headWritten() || !ErrorSurface.under("/api", context.normalizedPath())) {
            context.next();
        } else if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            end(context, new Failure.Unauthenticated());
        } else if (failure instanceof ForbiddenException) {
            end(context, new Failure.Denied());
        } else {
            context.next();
        }
    }

    private static void end(RoutingContext context, Failure failure) {
        Problem problem = ApiProblems.problem(failure);
        var response = context.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        if (failure instanceof Failure.Unauthenticated) {
            response.putHeader("WWW-Authenticate", ApiProblems.CHALLENGE);
        }
        response.end(Json.encode(problem));
    }
}
