package io.heed.campaign;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A test send of a campaign's invitation: rendered like the real one, marked as a test, never counted. */
@Entity
public class CampaignTestSend extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long campaignId;
    public String toAddress;
    /** Whose directory data fills the message; null for a sample reader. */
    public String asEmployeeEmail;

    public String locale;
    public String createdBy;
    public Instant createdAt;
}
