package io.heed.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/**
 * One queued e-mail and its delivery state. Written by {@link Outbox} and the dispatcher with set-based SQL (a
 * campaign queues a million at once); this mapping is for reading one.
 */
@Entity
class OutboxMessage extends PanacheEntityBase {

    /** PENDING → SENDING → SENT or FAILED, or back to PENDING for a retry; PENDING → CANCELLED. */
    enum Status {
        PENDING,
        SENDING,
        SENT,
        FAILED,
        CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String kind;
    public String reference;
    public String toAddress;
    public String stream;
    public boolean test;
    public String messageId;

    @Enumerated(EnumType.STRING)
    public Status status;

    public Instant dueAt;
    public Instant nextAttemptAt;
    public int attempts;
    public Instant claimedAt;
    public Instant leaseUntil;
    public UUID claimToken;
    public String lastSmtpReply;
    public String contentSha256;
    public Instant createdAt;
    public Instant sentAt;
    public Instant failedAt;
    public Instant cancelledAt;
    public Instant outcomeReportedAt;
}
