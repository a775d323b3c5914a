package io.heed.campaign;

/**
 * The delivery streams (pacing groups, {@code Outbox.configureStream}) a campaign's mail goes out in: the one
 * place their names are made. SQL that queues a campaign's mail receives the prefix as a parameter
 * ({@code :streamPrefix || r.campaign_id as stream}, with {@link #PREFIX}). Names are stored on queued rows and
 * on the stream's pacing row: they never change.
 */
final class CampaignStreams {

    /** A campaign's own mail (invitations, reminders, escalations): {@code campaign:<id>}, paced and paused. */
    static final String PREFIX = "campaign:";

    /** A campaign's test sends: {@code test:<id>}, apart, so pausing the campaign does not hold them. */
    static final String TEST_PREFIX = "test:";

    private CampaignStreams() {}

    static String of(long campaignId) {
        return PREFIX + campaignId;
    }

    static String testsOf(long campaignId) {
        return TEST_PREFIX + campaignId;
    }
}
