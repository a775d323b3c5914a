package io.heed.compliance;

import io.heed.campaign.RecipientCounts;
import io.heed.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
    private static final String COUNTS = """
            /* heed:campaign-counts */
            with c as (
                select campaign_id, recipients, sent, failed, completed
                  from compliance_count
                 where campaign_id = any(?::bigint[]) and step_key is null and completed_on is null and %1$s
                union all
                select campaign_id, recipients, sent, failed, completed
                  from compliance_count_delta
                 where campaign_id = any(?::bigint[]) and step_key is null and completed_on is null and %1$s
            )
            select campaign_id, sum(recipients), sum(sent), sum(failed), sum(completed)
              from c
             group by campaign_id
            having sum(recipients) <> 0""";

    @Inject
    ReadSnapshots snapshots;

    @Override
    public Map<Long, Counts> of(List<Long> campaignIds, RegionScope scope) {
        ComplianceFilter filter = ComplianceFilter.of(scope, null, null);
        if (campaignIds.isEmpty() || filter.nothingVisible()) {
            return Map.of();
        }
        return snapshots.read(connection -> {
            Map<Long, Counts> counts = new HashMap<>();
            try (PreparedStatement statement =
                    connection.prepareStatement(COUNTS.formatted(ComplianceFilter.sql("")))) {
                var ids = connection.createArrayOf("bigint", campaignIds.toArray());
                int i = 1;
                statement.setArray(i++, ids);
                i = filter.bind(connection, statement, i);
                statement.setArray(i++, ids);
                filter.bind(connection, statement, i);
                try (ResultSet r = statement.executeQuery()) {
                    while (r.next()) {
                        long recipients = r.getLong(2);
                        long sent = r.getLong(3);
                        long failed = r.getLong(4);
                        counts.put(
                                r.getLong(1),
                                new Counts(recipients, recipients - sent - failed, sent, failed, r.getLong(5)));
                    }
                }
            }
            return counts;
        });
    }
}
