package io.heed.platform.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The one error body of the JSON API: the HTTP status, its name, and a reason a person can act on. Never a
 * class name or a stack trace. {@code problems} lists invalid fields; {@code state} is the current state of
 * the thing a 409 refused to change.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(int status, String error, String reason, List<FieldProblem> problems, String state) {

    /** One field that failed validation, e.g. {@code {"field": "country", "reason": "not an ISO code"}}. */
    public record FieldProblem(String field, String reason) {}

    public static ApiError of(int status, String reason) {
        return new ApiError(status, statusName(status), reason, List.of(), null);
    }

    public static ApiError of(int status, String reason, List<FieldProblem> problems) {
        return new ApiError(status, statusName(status), reason, problems, null);
    }

    static String statusName(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            default -> "Error";
        };
    }
}
