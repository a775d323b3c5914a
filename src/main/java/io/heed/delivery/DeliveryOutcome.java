package io.heed.delivery;

import java.time.Instant;

/**
 * The final state of one message, as its owner is told.
 *
 * @param messageId the outbox row's id (as returned by {@link Outbox#enqueue})
 * @param at when it reached this state
 * @param attempts attempts made
 * @param smtpReply the server's last reply (for FAILED, the refusal), or why it was cancelled
 */
public record DeliveryOutcome(
        long messageId,
        String kind,
        String reference,
        Status status,
        Instant at,
        int attempts,
        String smtpReply,
        boolean test) {

    public enum Status {
        SENT,
        FAILED,
        CANCELLED
    }
}
