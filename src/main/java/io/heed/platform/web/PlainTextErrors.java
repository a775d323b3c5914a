package io.heed.platform.web;

import io.heed.platform.api.ApiProblems;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * Failures on paths no surface of their own covers (today the built-in mail catcher's page, {@code /dev/mailbox}):
 * the status and one sentence as plain text, and the Basic challenge on a 401 so a browser asks for the account.
 * Problem details are the API's; these paths are not the API.
 */
@ApplicationScoped
class PlainTextErrors implements FallbackSurface {

    @Override
    public boolean covers(String path) {
        return true;
    }

    @Override
    public String name() {
        return "a request";
    }

    @Override
    public Response render(Failure failure, HttpServerRequest request) {
        // The same status and sentence as the API would give, without its JSON.
        var problem = ApiProblems.problem(failure);
        Response.ResponseBuilder response = Response.status(problem.status())
                .type("text/plain;charset=UTF-8")
                .entity(problem.status() + " " + problem.title() + ": " + problem.detail() + "\n");
        if (failure instanceof Failure.Unauthenticated) {
            response.header("WWW-Authenticate", BASIC_CHALLENGE);
        }
        return response.build();
    }
}
