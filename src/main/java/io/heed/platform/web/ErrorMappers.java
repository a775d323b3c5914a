package io.heed.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.heed.platform.database.DatabaseException;
import io.heed.platform.error.FieldProblem;
import io.heed.platform.error.Refusal;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place a failed REST call becomes a response: it names the {@link Failure} and lets the
 * {@link ErrorSurface} that covers the request's path show it. Nothing here knows what a surface looks like.
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @Inject
    @Any
    Instance<ErrorSurface> surfaces;

    @Inject
    FallbackSurface fallback;

    @ServerExceptionMapper
    public Response refused(Refusal refusal, HttpServerRequest request) {
        return render(new Failure.Refused(refusal), request);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpServerRequest request) {
        List<FieldProblem> problems = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .collect(Collectors.toList());
        return refused(Refusal.invalid("The request has invalid fields.", problems), request);
    }

    // Listed one by one: Quarkus REST ships its own mappers for these subtypes, which would otherwise win.
    @ServerExceptionMapper({
        JsonProcessingException.class,
        MismatchedInputException.class,
        InvalidFormatException.class,
        UnrecognizedPropertyException.class
    })
    public Response unreadableJson(JsonProcessingException e, HttpServerRequest request) {
        return refused(Refusal.invalid(describe(e)), request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, request);
        }
        if (status >= 500) {
            return unexpected(e, request);
        }
        String reason = switch (status) {
            case 400 -> "The request is malformed.";
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "The requested media type cannot be produced.";
            case 415 -> "Unsupported Content-Type for this resource.";
            default ->
                Response.Status.fromStatusCode(status) == null
                        ? "The request was refused."
                        : Response.Status.fromStatusCode(status).getReasonPhrase() + ".";
        };
        return render(new Failure.Status(status, reason), request);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(HttpServerRequest request) {
        return render(new Failure.Unauthenticated(), request);
    }

    @ServerExceptionMapper
    public Response denied(ForbiddenException e, HttpServerRequest request) {
        return render(new Failure.Denied(), request);
    }

    @ServerExceptionMapper
    public Response database(DatabaseException e, HttpServerRequest request) {
        if (!e.unavailable()) {
            return unexpected(e, request);
        }
        LOG.warnf("A request failed because the database is unavailable: %s", e.getMessage());
        return render(
                new Failure.Unavailable("The database is unavailable at the moment; try again shortly."), request);
    }

    @ServerExceptionMapper
    public Response connectionLost(JDBCConnectionException e, HttpServerRequest request) {
        LOG.warnf("A request failed because the database is unavailable: %s", e.getMessage());
        return render(
                new Failure.Unavailable("The database is unavailable at the moment; try again shortly."), request);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, HttpServerRequest request) {
        // The incident id ties the response to the logged stack trace without exposing it.
        String incident = UUID.randomUUID().toString();
        ErrorSurface surface = surfaceFor(request.path());
        LOG.errorf(e, "Unexpected error on %s, incident %s", surface.name(), incident);
        return surface.render(new Failure.Unexpected(incident), request);
    }

    private Response render(Failure failure, HttpServerRequest request) {
        return surfaceFor(request.path()).render(failure, request);
    }

    /** The surface that covers {@code path}; the fallback (plain text) where none does. */
    public ErrorSurface surfaceFor(String path) {
        String p = path == null ? "/" : path;
        for (ErrorSurface surface : surfaces) {
            if (!(surface instanceof FallbackSurface) && surface.covers(p)) {
                return surface;
            }
        }
        return fallback;
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'.";
        }
        if (e instanceof InvalidFormatException format) {
            return "Field '" + path(format) + "' has an invalid value: " + format.getValue() + ".";
        }
        if (e instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return "Field '" + path(mismatch) + "' has the wrong type.";
        }
        return "The request body is not valid JSON.";
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String lastNode(String propertyPath) {
        // "create.request.name" -> "name": the method and parameter names mean nothing to a client.
        String[] parts = propertyPath.split("\\.");
        return parts.length > 2
                ? String.join(".", Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }
}
