package io.heed.security;

import io.heed.platform.error.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** API tokens for machine clients. Only admins issue and revoke them; the secret is in the 201 response only. */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
class ApiTokenResource {

    record IssueTokenRequest(String name, Role role, List<String> regions) {}

    @Inject
    ApiTokenQueries tokens;

    @Inject
    IssueApiToken issueToken;

    @Inject
    RevokeApiToken revokeToken;

    @Inject
    CurrentUser currentUser;

    @POST
    public Response issue(IssueTokenRequest request) {
        if (request == null) {
            throw Refusal.invalid("A JSON body with name and role is required.");
        }
        IssueApiToken.IssuedToken issued =
                issueToken.issue(request.name(), request.role(), request.regions(), currentUser.name());
        return Response.created(URI.create("/api/v1/tokens/" + issued.id()))
                .entity(issued)
                .build();
    }

    @GET
    public List<TokenView> list() {
        return tokens.list();
    }

    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("id") long id) {
        revokeToken.revoke(id, currentUser.name());
        return Response.noContent().build();
    }
}
