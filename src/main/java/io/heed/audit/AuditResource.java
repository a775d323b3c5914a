package io.heed.audit;

import io.heed.platform.api.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
// Role names as strings: audit sits below security (security records its actions here), so it cannot see Role.
@RolesAllowed({"ADMIN", "AUDITOR"})
class AuditResource {

    public record AuditEventView(
            long id,
            Instant occurredAt,
            String actor,
            String action,
            String subject,
            String details,
            String prevHash,
            String hash) {
        static AuditEventView of(AuditEvent e) {
            return new AuditEventView(e.id, e.occurredAt, e.actor, e.action, e.subject, e.details, e.prevHash, e.hash);
        }
    }

    @Inject
    AuditLog auditLog;

    /** Newest first. */
    @GET
    public Page<AuditEventView> list(
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        Page.check(page, size);
        var query = AuditEvent.<AuditEvent>find("order by id desc").page(page, size);
        return new Page<>(query.list(), page, size, query.count()).map(AuditEventView::of);
    }

    @GET
    @Path("/verify")
    public AuditLog.ChainCheck verify() {
        return auditLog.verify();
    }
}
