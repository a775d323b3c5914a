package io.heed.platform.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.heed.platform.error.FieldProblem;
import java.util.List;

/**
 * The one error body of the JSON API, RFC 9457 problem details ({@code application/problem+json}): {@code type}
 * (always {@code about:blank}: the status says it all), {@code title} (the status's name), {@code status} and
 * {@code detail} (a sentence a person can act on; never a class name or a stack trace). Extension members:
 * {@code reason} and {@code error} repeat {@code detail} and {@code title} under the names Heed's API used before
 * problem details; {@code problems} lists invalid fields; {@code state} is the current state of the thing a 409
 * refused to change.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String error,
        String reason,
        List<FieldProblem> problems,
        String state) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String detail) {
        return of(status, detail, List.of(), null);
    }

    public static Problem of(int status, String detail, List<FieldProblem> problems, String state) {
        String title = title(status);
        return new Problem("about:blank", title, status, detail, title, detail, problems, state);
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }
}
