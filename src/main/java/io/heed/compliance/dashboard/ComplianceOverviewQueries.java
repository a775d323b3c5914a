package io.heed.compliance.dashboard;

import io.heed.campaign.Campaign;
import io.heed.compliance.ComplianceFilter;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every launched campaign with its completion by region, newest first ({@code GET /compliance/overview}). */
@ApplicationScoped
public class ComplianceOverviewQueries {

    // Cell rows of every campaign within the filter (totals plus pending deltas), per campaign and region.
    private static final NamedSql OVERVIEW = NamedSql.of("""
            /* heed:overview */
            with c as (
                select campaign_id, region, deadline_at, recipients, completed
                  from compliance_count
                 where step_key is null and completed_on is null and %1$s
                union all
                select campaign_id, region, deadline_at, recipients, completed
                  from compliance_count_delta
                 where step_key is null and completed_on is null and %1$s
            )
            select campaign_id, region, sum(recipients) as recipients, sum(completed) as completed,
                   coalesce(sum(recipients - completed) filter (where deadline_at <= :asOf), 0) as overdue
              from c
             group by campaign_id, region""".formatted(ComplianceFilter.sql("")));

    /** One campaign's counts in one region, as read. */
    private record RegionCounts(long campaignId, String region, long recipients, long completed, long overdue) {

        static RegionCounts read(Row r) throws SQLException {
            return new RegionCounts(
                    r.getLong("campaign_id"),
                    r.string("region"),
                    r.getLong("recipients"),
                    r.getLong("completed"),
                    r.getLong("overdue"));
        }
    }

    @Inject
    Database database;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Overview overview(ComplianceFilter filter) {
        Instant now = clock.instant();
        List<Campaign> launched = Campaign.list("launchedAt is not null order by id desc");
        List<RegionCounts> rows = filter.nothingVisible()
                ? List.of()
                : database.snapshot(
                        "count the compliance overview",
                        sql -> sql.list(OVERVIEW, filter.params().and("asOf", now), RegionCounts::read));
        Map<Long, Map<String, RegionCounts>> counts = new HashMap<>();
        for (RegionCounts row : rows) {
            counts.computeIfAbsent(row.campaignId(), k -> new TreeMap<>()).put(row.region(), row);
        }
        List<Overview.CampaignCompliance> result = new ArrayList<>();
        for (Campaign campaign : launched) {
            List<Overview.RegionCompliance> regions = new ArrayList<>();
            long recipients = 0, completed = 0, overdue = 0;
            for (RegionCounts n : counts.getOrDefault(campaign.id, Map.of()).values()) {
                if (n.recipients() == 0) {
                    continue;
                }
                regions.add(new Overview.RegionCompliance(
                        n.region(),
                        n.recipients(),
                        n.completed(),
                        Dashboard.rate(n.completed(), n.recipients()),
                        campaign.deadlineFor(n.region()),
                        n.overdue()));
                recipients += n.recipients();
                completed += n.completed();
                overdue += n.overdue();
            }
            result.add(new Overview.CampaignCompliance(
                    campaign.id,
                    campaign.name,
                    campaign.status,
                    campaign.playbookKey,
                    campaign.launchedAt,
                    campaign.endedAt,
                    recipients,
                    completed,
                    Dashboard.rate(completed, recipients),
                    overdue,
                    regions));
        }
        return new Overview(now, filter.regionList(), filter.department().orElse(null), result);
    }
}
