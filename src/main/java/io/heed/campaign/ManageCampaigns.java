package io.heed.campaign;

import io.heed.audit.AuditLog;
import io.heed.delivery.Outbox;
import io.heed.platform.error.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Creating and editing campaigns, and every state change but the launch ({@link LaunchCampaign}). Each change
 * is audited; pausing, resuming, cancelling and closing also hold, release or drop the campaign's queued mail.
 */
@ApplicationScoped
@Transactional
public class ManageCampaigns {

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    public Campaign create(CampaignRequest request, String actor) {
        Campaign campaign = new Campaign();
        CampaignSettings.apply(request, campaign);
        Instant now = clock.instant();
        campaign.createdAt = now;
        campaign.updatedAt = now;
        campaign.createdBy = actor;
        campaign.persist();
        auditLog.record(
                actor,
                "campaign.create",
                "campaign:" + campaign.id,
                Map.of("name", campaign.name, "playbook", campaign.playbookKey));
        return campaign;
    }

    public Campaign update(long id, CampaignRequest request, String actor) {
        Campaign campaign = locked(id);
        campaign.requireEditable();
        CampaignSettings.apply(request, campaign);
        if (campaign.status == CampaignStatus.SCHEDULED && campaign.sendAt == null) {
            throw Refusal.conflict(
                    "A scheduled campaign needs sendAt; cancel it or keep a send time.", campaign.status.name());
        }
        campaign.updatedAt = clock.instant();
        auditLog.record(actor, "campaign.update", "campaign:" + id, Map.of("name", campaign.name));
        return campaign;
    }

    public Campaign schedule(long id, String actor) {
        Campaign campaign = locked(id);
        campaign.schedule();
        return changed(campaign, "campaign.schedule", actor);
    }

    public Campaign pause(long id, String actor) {
        Campaign campaign = locked(id);
        campaign.pause();
        if (campaign.launchedAt != null) {
            outbox.pauseStream(campaign.stream());
        }
        return changed(campaign, "campaign.pause", actor);
    }

    public Campaign resume(long id, String actor) {
        Campaign campaign = locked(id);
        campaign.resume();
        if (campaign.launchedAt != null) {
            outbox.resumeStream(campaign.stream());
        }
        return changed(campaign, "campaign.resume", actor);
    }

    public Campaign cancel(long id, String actor) {
        Campaign campaign = locked(id);
        campaign.cancel(clock.instant());
        if (campaign.launchedAt != null) {
            outbox.cancelStream(campaign.stream());
        }
        return changed(campaign, "campaign.cancel", actor);
    }

    public Campaign close(long id, String actor) {
        Campaign campaign = locked(id);
        campaign.close(clock.instant());
        outbox.cancelStream(campaign.stream());
        return changed(campaign, "campaign.close", actor);
    }

    private Campaign changed(Campaign campaign, String action, String actor) {
        campaign.updatedAt = clock.instant();
        auditLog.record(actor, action, "campaign:" + campaign.id, Map.of("status", campaign.status.name()));
        return campaign;
    }

    /** Row-locked, so two admins (or an admin and the scheduler) cannot move one campaign at once. */
    private Campaign locked(long id) {
        Campaign campaign = entityManager.find(Campaign.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (campaign == null) {
            throw Refusal.notFound("No campaign " + id + ".");
        }
        return campaign;
    }
}
