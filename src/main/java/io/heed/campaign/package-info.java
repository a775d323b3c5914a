/**
 * Campaigns: which playbook, to whom, when and how fast, from draft to closed.
 *
 * <p>Owns the tables {@code campaign}, {@code recipient}, {@code campaign_test_send} and
 * {@code campaign_escalation}, and the SQL functions
 * {@code heed_next_local_time} (V5) and {@code heed_random_bytes} (V10).
 *
 * <p>Decides, each in one place: which moves of a campaign are legal ({@link io.heed.campaign.Campaign}, its
 * state machine, including SENDING → ACTIVE when the last invitation is out); who a launch asks and when each is
 * planned ({@code LaunchCampaign} and {@code snapshot-audience.sql}); how a campaign's messages are kinded,
 * referenced and streamed ({@code CampaignMessage}, {@code CampaignStreams}: SQL gets them as parameters); how
 * one reader's mail is rendered ({@code RecipientMail}); when reminders and escalations are due
 * ({@code CampaignFollowUps}, against the clock's instant).
 *
 * <p>Use cases: {@code EditCampaign}, {@code ChangeCampaignStatus}, {@code LaunchCampaign} (also late joiners),
 * {@code RemindRecipients} (a reminder now to the recipients a list filter picks),
 * {@code PreviewInvitation}, {@code SendTestInvitation}; views: {@code RecipientQueries} (recipients by filter, paged), {@code CampaignQueries} ({@code CampaignView},
 * counted within the caller's {@code RegionScope}); the JSON API {@code CampaignResource} is one line per call.
 *
 * <p>Offers other packages: the entities {@link io.heed.campaign.Campaign} and {@link io.heed.campaign.Recipient},
 * {@link io.heed.campaign.CampaignStatus} (with the {@code RUNNING} and {@code FOLLOWING_UP} sets for SQL
 * parameters) and {@link io.heed.campaign.Audience}; the port {@link io.heed.campaign.RecipientCounts}, which
 * {@code compliance} answers. Plugs into delivery through its ports: {@code CampaignMailComposer} (a
 * {@code MessageComposer}) and {@link io.heed.campaign.RecipientDeliveryState} (a {@code DeliveryListener}, public
 * because compliance's tests play outcomes through it).
 *
 * <p>Persistence: Panache for one campaign or recipient (every change of a campaign takes its row lock,
 * {@code Campaign.locked}); named SQL ({@code platform.database}) for set-based writes (the launch snapshot, the
 * follow-up passes, delivery states); the outbox's {@code enqueueSelect} to queue mail in bulk.
 */
package io.heed.campaign;
