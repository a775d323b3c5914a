package io.heed.campaign;

import io.heed.audit.AuditLog;
import io.heed.directory.Employee;
import io.heed.platform.error.Refusal;
import io.heed.playbook.PlaybookCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Creating a campaign and editing its settings while it is a draft or scheduled: both check the request with
 * {@link CampaignSettings} and are audited. State changes are {@link ChangeCampaignStatus} and
 * {@link LaunchCampaign}.
 */
@ApplicationScoped
@Transactional
public class EditCampaign {

    @Inject
    AuditLog auditLog;

    @Inject
    PlaybookCatalogue playbooks;

    @Inject
    Clock clock;

    public Campaign create(CampaignRequest request, String actor) {
        Campaign campaign = new Campaign();
        settings().apply(request, campaign);
        Instant now = clock.instant();
        campaign.createdAt = now;
        campaign.updatedAt = now;
        campaign.createdBy = actor;
        campaign.persist();
        auditLog.record(
                actor,
                "campaign.create",
                Campaign.auditTarget(campaign.id),
                Map.of("name", campaign.name, "playbook", campaign.playbookKey));
        return campaign;
    }

    /** The settings' rules, asking the playbook catalogue and the directory. */
    private CampaignSettings settings() {
        return new CampaignSettings(new CampaignSettings.Lookups(
                key -> playbooks.latest(key).isPresent(),
                email -> Employee.findByEmail(email).filter(e -> e.active).isPresent()));
    }

    public Campaign update(long id, CampaignRequest request, String actor) {
        Campaign campaign = Campaign.locked(id);
        campaign.requireEditable();
        settings().apply(request, campaign);
        if (campaign.status == CampaignStatus.SCHEDULED && campaign.sendAt == null) {
            throw Refusal.conflict(
                    "A scheduled campaign needs sendAt; cancel it or keep a send time.", campaign.status.name());
        }
        campaign.updatedAt = clock.instant();
        auditLog.record(actor, "campaign.update", Campaign.auditTarget(id), Map.of("name", campaign.name));
        return campaign;
    }
}
