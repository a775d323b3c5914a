package io.heed.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure of a REST call into one {@link ApiError} JSON body. */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        return json(e.toError());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<ApiError.FieldProblem> problems = e.getConstraintViolations().stream()
                .map(v -> new ApiError.FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(ApiError.FieldProblem::field))
                .collect(Collectors.toList());
        return json(ApiError.of(400, "The request has invalid fields.", problems));
    }

    // Listed one by one: Quarkus REST ships its own mappers for these subtypes, which would otherwise win.
    @ServerExceptionMapper({
        JsonProcessingException.class,
        MismatchedInputException.class,
        InvalidFormatException.class,
        UnrecognizedPropertyException.class
    })
    public Response unreadableJson(JsonProcessingException e) {
        return json(ApiError.of(400, describe(e)));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String reason = switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "The requested media type cannot be produced.";
            case 415 -> "Unsupported Content-Type for this resource.";
            default -> ApiError.statusName(status);
        };
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            reason = describe(json);
        }
        return json(ApiError.of(status, reason));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        // The incident id ties the response to the logged stack trace without exposing it.
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, incident %s", incident);
        return json(ApiError.of(500, "Internal error; incident " + incident + " is logged."));
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
                ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }

    static Response json(ApiError error) {
        return Response.status(error.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(error)
                .build();
    }
}
