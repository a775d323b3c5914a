package io.heed.delivery;

/** What SMTP said about one message. */
record SendResult(Outgoing mail, Kind kind, String reply) {

    enum Kind {
        /** Accepted by the server. */
        SENT,
        /** Refused for good (5xx for this recipient or message). */
        PERMANENT,
        /** Worth another try later (4xx, connection refused or lost, timeout). */
        TRANSIENT
    }
}
