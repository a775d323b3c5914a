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
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/delivery")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class DeliveryResource {

    public record CheckRequest(String to) {}

    public record MessageView(
            long id,
            String kind,
            String toAddress,
            String stream,
            String messageId,
            OutboxMessage.Status status,
            int attempts,
            Instant dueAt,
            Instant nextAttemptAt,
            String lastSmtpReply,
            Instant createdAt,
            Instant sentAt,
            Instant failedAt,
            Instant cancelledAt) {
        static MessageView of(OutboxMessage m) {
            return new MessageView(
                    m.id,
                    m.kind,
                    m.toAddress,
                    m.stream,
                    m.messageId,
                    m.status,
                    m.attempts,
                    m.dueAt,
                    m.nextAttemptAt,
                    m.lastSmtpReply,
                    m.createdAt,
                    m.sentAt,
                    m.failedAt,
                    m.cancelledAt);
        }
    }

    @Inject
    DeliveryChecks checks;

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
        OutboxMessage message = checks.request(request.to(), currentUser.name());
        return Response.accepted(MessageView.of(message))
                .location(URI.create("/api/v1/delivery/messages/" + message.id))
                .build();
    }

    @GET
    @Path("/messages/{id}")
    public MessageView message(@PathParam("id") long id) {
        return MessageView.of(checks.get(id));
    }
}
