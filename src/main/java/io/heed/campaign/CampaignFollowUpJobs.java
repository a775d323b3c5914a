package io.heed.campaign;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Runs the reminder and escalation passes; Quartz's clustered store makes each run happen on one replica. */
@ApplicationScoped
class CampaignFollowUpJobs {

    private static final Logger LOG = Logger.getLogger(CampaignFollowUpJobs.class);

    @Inject
    CampaignFollowUps followUps;

    @Scheduled(
            identity = "campaign-follow-ups",
            every = "${heed.campaigns.follow-up-interval:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int reminders = followUps.queueReminders();
        int escalations = followUps.queueEscalations();
        if (reminders + escalations > 0) {
            LOG.infof("Queued %d reminder(s) and %d manager escalation(s)", reminders, escalations);
        }
    }
}
