package io.heed.delivery;

import io.heed.platform.error.Refusal;
import io.heed.security.CurrentUser;
import io.heed.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/delivery")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
class DeliveryResource {

    record CheckRequest(String to) {}

    @Inject
    SendDeliveryCheck sendDeliveryCheck;

    @Inject
    OutboxQueries queries;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("/check")
    @Operation(
            summary = "Send a delivery check",
            description = "Queues one short message to the given address through the configured SMTP server;"
                    + " follow its state at the returned location.")
    public Response check(CheckRequest request) {
        if (request == null) {
            throw Refusal.invalid("A JSON body with 'to' is required.");
        }
        OutboxQueries.MessageView message = sendDeliveryCheck.send(request.to(), currentUser.name());
        return Response.accepted(message)
                .location(URI.create("/api/v1/delivery/messages/" + message.id()))
                .build();
    }

    @GET
    @Path("/messages/{id}")
    public OutboxQueries.MessageView message(@PathParam("id") long id) {
        return queries.message(id);
    }
}
