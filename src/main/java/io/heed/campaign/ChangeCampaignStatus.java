package io.heed.campaign;

import io.heed.audit.AuditLog;
import io.heed.delivery.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;

/**
 * An admin moves a campaign: schedule, pause, resume, cancel or close (the launch is {@link LaunchCampaign}).
 * {@link Campaign} decides whether the move is legal; this use case locks the campaign, holds, releases or drops
 * its queued mail to match, and audits the change.
 */
@ApplicationScoped
@Transactional
public class ChangeCampaignStatus {

    @Inject
    Outbox outbox;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    public Campaign schedule(long id, String actor) {
        Campaign campaign = Campaign.locked(id);
        campaign.schedule();
        return changed(campaign, "campaign.schedule", actor);
    }

    public Campaign pause(long id, String actor) {
        Campaign campaign = Campaign.locked(id);
        campaign.pause();
        if (campaign.launchedAt != null) {
            outbox.pauseStream(campaign.stream());
        }
        return changed(campaign, "campaign.pause", actor);
    }

    public Campaign resume(long id, String actor) {
        Campaign campaign = Campaign.locked(id);
        campaign.resume();
        if (campaign.launchedAt != null) {
            outbox.resumeStream(campaign.stream());
        }
        return changed(campaign, "campaign.resume", actor);
    }

    public Campaign cancel(long id, String actor) {
        Campaign campaign = Campaign.locked(id);
        campaign.cancel(clock.instant());
        if (campaign.launchedAt != null) {
            outbox.cancelStream(campaign.stream());
        }
        return changed(campaign, "campaign.cancel", actor);
    }

    public Campaign close(long id, String actor) {
        Campaign campaign = Campaign.locked(id);
        campaign.close(clock.instant());
        outbox.cancelStream(campaign.stream());
        return changed(campaign, "campaign.close", actor);
    }

    private Campaign changed(Campaign campaign, String action, String actor) {
        campaign.updatedAt = clock.instant();
        auditLog.record(actor, action, Campaign.auditTarget(campaign.id), Map.of("status", campaign.status.name()));
        return campaign;
    }
}
