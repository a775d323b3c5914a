package io.heed.campaign;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One employee asked by one campaign, as the directory described them at launch. Rows are created in bulk by
 * {@link LaunchCampaign}; delivery and acknowledgement only move their state forward.
 */
@Entity
public class Recipient extends PanacheEntityBase {

    public enum DeliveryStatus {
        QUEUED,
        SENT,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long campaignId;
    public Long employeeId;
    public String email;
    public String name;
    public String region;
    public String department;
    public String country;
    public String managerEmail;
    public String locale;
    public String timeZone;
    public byte[] linkNonce;
    public Instant plannedAt;
    public Instant deadlineAt;

    @Enumerated(EnumType.STRING)
    public DeliveryStatus deliveryStatus;

    public Instant sentAt;
    public Instant failedAt;
    public String failureReason;
    public int remindersSent;
    public Instant lastRemindedAt;
    public Instant escalatedAt;
    public Instant completedAt;
    /** The first visit of the personal page, possibly by a mail scanner (written by acknowledgement). */
    public Instant firstVisitAt;
    /** The first visit of the personal page that did not look automated (written by acknowledgement). */
    public Instant firstHumanVisitAt;

    public boolean addedLate;
    public Instant createdAt;

    Locale locale() {
        return Locale.forLanguageTag(locale);
    }

    static Optional<Recipient> find(long campaignId, String emailKey) {
        return find("campaignId = ?1 and lower(email) = ?2", campaignId, emailKey)
                .firstResultOptional();
    }
}
