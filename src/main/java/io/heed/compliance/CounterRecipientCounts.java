package io.heed.compliance;

import io.heed.campaign.RecipientCounts;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The campaign API's recipient counts, read from the compliance counters (totals plus pending deltas, as the
 * dashboard reads them): exact, and as cheap for a million recipients as for ten.
 */
@ApplicationScoped
class CounterRecipientCounts implements RecipientCounts {

    // The cell rows (no step, no day) carry recipients, sent, failed and completed per region and deadline.
    private static final NamedSql COUNTS = NamedSql.of("""
            /* heed:campaign-counts */
            with c as (
                select campaign_id, recipients, sent, failed, completed
                  from compliance_count
                 where campaign_id = any(:campaigns) and step_key is null and completed_on is null and %1$s
                union all
                select campaign_id, recipients, sent, failed, completed
                  from compliance_count_delta
                 where campaign_id = any(:campaigns) and step_key is null and completed_on is null and %1$s
            )
            select campaign_id, sum(recipients) as recipients, sum(sent) as sent, sum(failed) as failed,
                   sum(completed) as completed
              from c
             group by campaign_id
            having sum(recipients) <> 0""".formatted(ComplianceFilter.sql("")));

    @Inject
    Database database;

    @Override
    public Map<Long, Counts> of(List<Long> campaignIds, RegionScope scope) {
        ComplianceFilter filter = ComplianceFilter.of(scope, null, null);
        if (campaignIds.isEmpty() || filter.nothingVisible()) {
            return Map.of();
        }
        List<Map.Entry<Long, Counts>> rows = database.snapshot(
                "count the recipients of campaigns",
                sql -> sql.list(COUNTS, filter.params().and("campaigns", campaignIds), r -> {
                    long recipients = r.getLong("recipients");
                    long sent = r.getLong("sent");
                    long failed = r.getLong("failed");
                    return Map.entry(
                            r.getLong("campaign_id"),
                            new Counts(recipients, recipients - sent - failed, sent, failed, r.getLong("completed")));
                }));
        Map<Long, Counts> counts = new HashMap<>();
        rows.forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }
}
