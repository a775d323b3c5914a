package io.heed.delivery;

import io.heed.platform.error.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** Reads outbox messages for the delivery API: one message's state, as an admin follows a delivery check. */
@ApplicationScoped
public class OutboxQueries {

    /** One outbox message as the API shows it (without its reference: that is its sender's key). */
    public record MessageView(
            long id,
            String kind,
            String toAddress,
            String stream,
            String messageId,
            String status,
            int attempts,
            Instant dueAt,
            Instant nextAttemptAt,
            String lastSmtpReply,
            Instant createdAt,
            Instant sentAt,
            Instant failedAt,
            Instant cancelledAt) {

        /** Whether the message reached a final state: sent, failed or cancelled. */
        public boolean done() {
            return !status.equals(OutboxMessage.Status.PENDING.name())
                    && !status.equals(OutboxMessage.Status.SENDING.name());
        }

        /** The message's state by name: PENDING, SENDING, SENT, FAILED or CANCELLED. */
        public String state() {
            return status;
        }

        /** Accepted by the SMTP relay. */
        public boolean delivered() {
            return status.equals(OutboxMessage.Status.SENT.name());
        }

        static MessageView of(OutboxMessage m) {
            return new MessageView(
                    m.id,
                    m.kind,
                    m.toAddress,
                    m.stream,
                    m.messageId,
                    m.status.name(),
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

    /** @throws Refusal not found when there is no such message */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MessageView message(long id) {
        return OutboxMessage.<OutboxMessage>findByIdOptional(id)
                .map(MessageView::of)
                .orElseThrow(() -> Refusal.notFound("No outbox message with id " + id + "."));
    }

    /** The latest SMTP check message ({@link SendDeliveryCheck}), whatever became of it; empty when none was sent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<MessageView> latestDeliveryCheck() {
        return OutboxMessage.<OutboxMessage>find("kind = ?1 order by id desc", SendDeliveryCheck.KIND)
                .firstResultOptional()
                .map(MessageView::of);
    }
}
