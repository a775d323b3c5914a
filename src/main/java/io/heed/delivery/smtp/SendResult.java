package io.heed.delivery.smtp;

/** What SMTP said about one message. */
public record SendResult(OutgoingMail mail, Kind kind, String reply) {

    public enum Kind {
        /** Accepted by the server. */
        SENT,
        /** Refused for good (5xx for this recipient or message). */
        PERMANENT,
        /** Worth another try later (4xx, connection refused or lost, timeout). */
        TRANSIENT
    }
}
