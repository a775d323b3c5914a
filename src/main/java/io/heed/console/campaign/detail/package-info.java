/**
 * The console's campaign detail, {@code /console/campaigns/{id}} and below (except the wizard's
 * {@code /console/campaigns/{id}/wizard/...}): state actions through campaign's {@code ChangeCampaignStatus} and
 * {@code LaunchCampaign}; delivery counts and failures; compliance by region, department or country with a
 * region × step heat map and completions per day; live numbers over server-sent events from {@link
 * io.heed.console.campaign.detail.LiveCampaigns} (one read per watched campaign per tick, whoever watches);
 * the recipients tab ("who has not acted": {@code RecipientQueries} with filters, search and paging; "remind
 * these N" through {@code RemindRecipients}; late joiners through {@code LaunchCampaign}); the exports and the weekly
 * report's recipients. Owns no table.
 */
package io.heed.console.campaign.detail;
