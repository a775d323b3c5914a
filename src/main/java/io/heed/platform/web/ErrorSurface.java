package io.heed.platform.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;

/**
 * One surface's way of showing a {@link Failure}: the JSON API its problem details, the employee pages and the
 * console their own HTML. A surface covers the paths under its prefix; {@link ErrorMappers} asks the one that
 * covers the request (the JSON API for any path no other surface covers).
 */
public interface ErrorSurface {

    /** The challenge of a 401 where HTTP Basic is the way in (the API, the mail catcher's page). */
    String BASIC_CHALLENGE = "Basic realm=\"Heed\", charset=\"UTF-8\"";

    /** Whether this surface answers requests to {@code path} (e.g. everything under {@code /ack}). */
    boolean covers(String path);

    /** What the log calls a request of this surface, e.g. "an acknowledgement page". */
    String name();

    Response render(Failure failure, HttpServerRequest request);

    /** True when {@code path} is {@code prefix} or lies under it. */
    static boolean under(String prefix, String path) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
