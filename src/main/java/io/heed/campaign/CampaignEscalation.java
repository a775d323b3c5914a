package io.heed.campaign;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** The one escalation summary a manager gets for a campaign. */
@Entity
class CampaignEscalation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Long campaignId;
    public String managerEmailKey;
    public String managerEmail;
    public Instant createdAt;
}
