package io.heed.delivery;

import java.time.Instant;

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
