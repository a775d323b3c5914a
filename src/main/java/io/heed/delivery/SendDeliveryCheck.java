package io.heed.delivery;

import io.heed.audit.AuditLog;
import io.heed.platform.EmailAddresses;
import io.heed.platform.error.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * An admin's check of the SMTP settings: one short message to an address of their choice, through the same
 * outbox, dispatcher and SMTP connection as every other mail. Its outcome (and the server's reply) shows on
 * the outbox message ({@link OutboxQueries#message}).
 */
@ApplicationScoped
public class SendDeliveryCheck {

    /** The kind and stream of check messages; {@link DeliveryCheckComposer} composes them. */
    public static final String KIND = "delivery-check";

    static final String STREAM = "delivery-check";

    @Inject
    Outbox outbox;

    @Inject
    OutboxQueries queries;

    @Inject
    AuditLog auditLog;

    /** Queues the check and returns its outbox message as queued (read before the dispatcher can claim it). */
    @Transactional
    public OutboxQueries.MessageView send(String to, String requestedBy) {
        String address = to == null ? "" : to.trim();
        if (!EmailAddresses.isValid(address)) {
            throw Refusal.invalid("to: not a valid e-mail address.");
        }
        long id = outbox.enqueue(new NewMessage(KIND, requestedBy, address, STREAM, null, false));
        auditLog.record(requestedBy, "delivery.check", "mail:" + address, Map.of("outboxMessageId", id));
        return queries.message(id);
    }
}
