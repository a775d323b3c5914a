package io.heed.platform.api;

import java.util.List;

/**
 * A refusal a service decides on (bad input, missing thing, wrong state), carried to the HTTP edge as one
 * {@link ApiError}. Thrown before anything is written, or inside a transaction that it rolls back.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final transient List<ApiError.FieldProblem> problems;
    private final String state;

    public ApiException(int status, String reason) {
        this(status, reason, List.of());
    }

    public ApiException(int status, String reason, List<ApiError.FieldProblem> problems) {
        super(reason, null, false, false);
        this.status = status;
        this.problems = List.copyOf(problems);
        this.state = null;
    }

    /** A refusal because of the current state of something, which the body names. */
    public ApiException(int status, String reason, String state) {
        super(reason, null, false, false);
        this.status = status;
        this.problems = List.of();
        this.state = state;
    }

    public static ApiException badRequest(String reason) {
        return new ApiException(400, reason);
    }

    public static ApiException notFound(String reason) {
        return new ApiException(404, reason);
    }

    public static ApiException conflict(String reason) {
        return new ApiException(409, reason);
    }

    public int status() {
        return status;
    }

    public ApiError toError() {
        return new ApiError(status, ApiError.statusName(status), getMessage(), problems, state);
    }
}
