package io.heed.security;

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
import java.time.Instant;
import java.util.List;

/** API tokens for machine clients. Only admins issue and revoke them; the secret is in the 201 response only. */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class ApiTokenResource {

    public record IssueTokenRequest(String name, Role role, List<String> regions) {}

    public record TokenView(
            long id,
            String name,
            String prefix,
            Role role,
            List<String> regions,
            String createdBy,
            Instant createdAt,
            Instant lastUsedAt,
            Instant revokedAt) {
        static TokenView of(ApiToken t) {
            return new TokenView(
                    t.id,
                    t.name,
                    t.tokenPrefix,
                    t.role,
                    List.of(t.regions),
                    t.createdBy,
                    t.createdAt,
                    t.lastUsedAt,
                    t.revokedAt);
        }
    }

    @Inject
    ApiTokens tokens;

    @Inject
    CurrentUser currentUser;

    @POST
    public Response issue(IssueTokenRequest request) {
        if (request == null) {
            throw io.heed.platform.error.Refusal.invalid("A JSON body with name and role is required.");
        }
        ApiTokens.IssuedToken issued =
                tokens.issue(request.name(), request.role(), request.regions(), currentUser.name());
        return Response.created(URI.create("/api/v1/tokens/" + issued.id()))
                .entity(issued)
                .build();
    }

    @GET
    public List<TokenView> list() {
        return tokens.list().stream().map(TokenView::of).toList();
    }

    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(id, currentUser.name());
        return Response.noContent().build();
    }
}
