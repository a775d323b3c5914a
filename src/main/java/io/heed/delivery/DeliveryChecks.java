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
 * the outbox message.
 */
@ApplicationScoped
public class DeliveryChecks {

    /** The kind and stream of check messages; {@link DeliveryCheckComposer} renders them. */
    public static final String KIND = "delivery-check";

    public static final String STREAM = "delivery-check";

    @Inject
    Outbox outbox;

    @Inject
    AuditLog auditLog;

    @Transactional
    public OutboxMessage request(String to, String requestedBy) {
        String address = to == null ? "" : to.trim();
        if (!EmailAddresses.isValid(address)) {
            throw Refusal.invalid("to: not a valid e-mail address.");
        }
        long id = outbox.enqueue(new NewMessage(KIND, requestedBy, address, STREAM, null, false));
        auditLog.record(requestedBy, "delivery.check", "mail:" + address, Map.of("outboxMessageId", id));
        return OutboxMessage.findById(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OutboxMessage get(long id) {
        return OutboxMessage.<OutboxMessage>findByIdOptional(id)
                .orElseThrow(() -> Refusal.notFound("No outbox message with id " + id + "."));
    }
}
