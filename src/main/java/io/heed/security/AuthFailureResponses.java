package io.heed.security;

import io.heed.platform.api.ApiError;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Missing or wrong credentials, and a role that is not allowed, answered with the API's JSON error body:
 * whether the refusal comes from the HTTP layer (proactive authentication, path policies) or from a
 * {@code @RolesAllowed} check inside a REST call.
 */
@ApplicationScoped
public class AuthFailureResponses {

    static final String CHALLENGE = "Basic realm=\"Heed\", charset=\"UTF-8\"";
    private static final String UNAUTHORIZED =
            "Authentication required: HTTP Basic with an account, or 'Authorization: Bearer' with an API token.";
    private static final String FORBIDDEN = "Your role does not allow this.";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        Throwable failure = context.failure();
        if (context.response().headWritten()) {
            context.next();
        } else if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            end(context, 401, UNAUTHORIZED);
        } else if (failure instanceof ForbiddenException) {
            end(context, 403, FORBIDDEN);
        } else {
            context.next();
        }
    }

    private static void end(RoutingContext context, int status, String reason) {
        var response = context.response().setStatusCode(status).putHeader("Content-Type", MediaType.APPLICATION_JSON);
        if (status == 401) {
            response.putHeader("WWW-Authenticate", CHALLENGE);
        }
        response.end(Json.encode(ApiError.of(status, reason)));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized() {
        return Response.status(401)
                .header("WWW-Authenticate", CHALLENGE)
                .type(MediaType.APPLICATION_JSON)
                .entity(ApiError.of(401, UNAUTHORIZED))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Response.status(403)
                .type(MediaType.APPLICATION_JSON)
                .entity(ApiError.of(403, FORBIDDEN))
                .build();
    }
}
