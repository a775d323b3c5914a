package io.heed.campaign;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Launches scheduled campaigns when their send time comes. Runs on every replica: each due campaign is claimed
 * with SKIP LOCKED, so exactly one replica launches it.
 */
@ApplicationScoped
class CampaignScheduler {

    private static final Logger LOG = Logger.getLogger(CampaignScheduler.class);

    @Inject
    LaunchCampaign launch;

    @Scheduled(every = "${heed.campaigns.launch-check:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void launchDueCampaigns() {
        int launched = launch.launchDue();
        if (launched > 0) {
            LOG.infof("Launched %d scheduled campaign(s)", launched);
        }
    }
}
