-- The console's recipient list (campaign.RecipientQueries): a campaign's recipients in name order, 25 a page,
-- read from the index instead of sorting a million rows for each page.
create index recipient_campaign_name on recipient (campaign_id, name, id);
