/**
 * The console's campaign list ({@code /console/campaigns}) and the new-campaign wizard ({@code /console/campaigns/new},
 * {@code /console/campaigns/{id}/wizard/…}): a DRAFT campaign saved at each step through the campaign API's own use
 * cases, its live recipient count and time-zone preview, the invitation preview and test send, and the readiness
 * checklist the launch re-checks. The campaign's own page ({@code /console/campaigns/{id}}) is another package's.
 */
package io.heed.console.campaigns;
