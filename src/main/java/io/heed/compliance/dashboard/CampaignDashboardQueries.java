package io.heed.compliance.dashboard;

import io.heed.compliance.CampaignFacts;
import io.heed.compliance.CampaignFactsQueries;
import io.heed.compliance.ComplianceFilter;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Row;
import io.heed.platform.database.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One campaign's dashboard ({@code GET /campaigns/{id}/dashboard}, and the PDF report's counts), read from the
 * counters ({@code compliance_count} plus the pending {@code compliance_count_delta} rows; see V9 and
 * docs/compliance.md): a few thousand rows for a campaign of a million recipients, whatever its size. One
 * statement, so the counts are of one snapshot.
 */
@ApplicationScoped
public class CampaignDashboardQueries {

    // The campaign's counter rows within the filter, then summed per group (cell and step rows) or per day (day
    // rows, whose key is null). Overdue: cell rows whose deadline instant has passed, less their completions.
    // The group's column (%1$s) is one of GroupBy's constants: one statement per GroupBy.
    private static final String COUNTS = """
            /* heed:dashboard */
            with c as (
                select region, department, country, deadline_at, step_key, completed_on, recipients, sent,
                       failed, visited, visited_any, completed, done, not_applicable
                  from compliance_count
                 where campaign_id = :campaign and %2$s
                union all
                select region, department, country, deadline_at, step_key, completed_on, recipients, sent,
                       failed, visited, visited_any, completed, done, not_applicable
                  from compliance_count_delta
                 where campaign_id = :campaign and %2$s
            )
            select case when completed_on is null then %1$s end as key, step_key, completed_on,
                   array_agg(distinct region) as regions,
                   sum(recipients) as recipients, sum(sent) as sent, sum(failed) as failed,
                   sum(visited) as visited, sum(visited_any) as visited_any, sum(completed) as completed,
                   coalesce(sum(recipients - completed) filter (where deadline_at <= :asOf), 0) as overdue,
                   sum(done) as done, sum(not_applicable) as not_applicable
              from c
             group by 1, step_key, completed_on""";

    private static final Map<GroupBy, NamedSql> COUNTS_BY = new EnumMap<>(GroupBy.class);

    static {
        for (GroupBy groupBy : GroupBy.values()) {
            COUNTS_BY.put(groupBy, NamedSql.of(COUNTS.formatted(groupBy.column(), ComplianceFilter.sql(""))));
        }
    }

    @Inject
    CampaignFactsQueries campaigns;

    @Inject
    Database database;

    @Inject
    Clock clock;

    /** Mutable sums of one group while reading. */
    private static final class Sums {
        final Set<String> regions = new TreeSet<>();
        long recipients, sent, failed, visited, visitedAny, completed, overdue;
        final Map<String, long[]> steps = new HashMap<>();
    }

    /**
     * The campaign's counts by {@code groupBy}, now.
     *
     * @throws io.heed.platform.error.Refusal not found when there is no such campaign
     */
    public Dashboard dashboard(long campaignId, GroupBy groupBy, ComplianceFilter filter) {
        CampaignFacts facts = campaigns.facts(campaignId);
        Instant now = clock.instant();
        return database.snapshot(
                "count the dashboard of campaign " + campaignId, sql -> dashboard(sql, facts, groupBy, filter, now));
    }

    /** The same, as of {@code asOf} (overdue is judged then), on the caller's snapshot (a report's). */
    public Dashboard dashboard(Sql sql, CampaignFacts facts, GroupBy groupBy, ComplianceFilter filter, Instant asOf)
            throws SQLException {
        List<CountRow> rows = filter.nothingVisible()
                ? List.of()
                : sql.list(
                        COUNTS_BY.get(groupBy),
                        filter.params().and("campaign", facts.id()).and("asOf", asOf),
                        CountRow::read);
        return dashboard(rows, facts, groupBy, filter, asOf);
    }

    /** Sums the counter rows into groups, totals and the timeline. */
    static Dashboard dashboard(
            List<CountRow> rows, CampaignFacts facts, GroupBy groupBy, ComplianceFilter filter, Instant now) {
        Map<String, Sums> groups = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        SortedMap<LocalDate, Long> days = new TreeMap<>();
        for (CountRow row : rows) {
            add(row, groups, days);
        }
        List<Dashboard.Group> result = new ArrayList<>();
        Sums all = new Sums();
        groups.forEach((key, sums) -> {
            if (sums.recipients == 0 && sums.steps.isEmpty()) {
                return; // a cell whose recipients are all gone (only ever after a repair)
            }
            result.add(group(key, sums, facts));
            add(all, sums);
        });
        return new Dashboard(
                Dashboard.CampaignRef.of(facts),
                groupBy.column(),
                filter.regionList(),
                filter.department().orElse(null),
                now,
                facts.steps(),
                result,
                group(null, all, facts),
                timeline(days, facts, now));
    }

    /**
     * One row of {@link #COUNTS}: the sums of a group's cells ({@code stepKey} and {@code day} null), of one of its
     * steps, or of one UTC day's completions ({@code day}; no group).
     */
    record CountRow(
            String key,
            String stepKey,
            LocalDate day,
            List<String> regions,
            long recipients,
            long sent,
            long failed,
            long visited,
            long visitedAny,
            long completed,
            long overdue,
            long done,
            long notApplicable) {

        static CountRow read(Row r) throws SQLException {
            return new CountRow(
                    r.string("key"),
                    r.string("step_key"),
                    r.date("completed_on"),
                    r.strings("regions"),
                    r.getLong("recipients"),
                    r.getLong("sent"),
                    r.getLong("failed"),
                    r.getLong("visited"),
                    r.getLong("visited_any"),
                    r.getLong("completed"),
                    r.getLong("overdue"),
                    r.getLong("done"),
                    r.getLong("not_applicable"));
        }
    }

    private static void add(CountRow r, Map<String, Sums> groups, SortedMap<LocalDate, Long> days) {
        if (r.day() != null) {
            days.merge(r.day(), r.completed(), Long::sum);
            return;
        }
        Sums sums = groups.computeIfAbsent(r.key(), k -> new Sums());
        sums.regions.addAll(r.regions());
        if (r.stepKey() != null) {
            long[] counts = sums.steps.computeIfAbsent(r.stepKey(), k -> new long[2]);
            counts[0] += r.done();
            counts[1] += r.notApplicable();
            return;
        }
        sums.recipients += r.recipients();
        sums.sent += r.sent();
        sums.failed += r.failed();
        sums.visited += r.visited();
        sums.visitedAny += r.visitedAny();
        sums.completed += r.completed();
        sums.overdue += r.overdue();
    }

    private static void add(Sums all, Sums one) {
        all.regions.addAll(one.regions);
        all.recipients += one.recipients;
        all.sent += one.sent;
        all.failed += one.failed;
        all.visited += one.visited;
        all.visitedAny += one.visitedAny;
        all.completed += one.completed;
        all.overdue += one.overdue;
        one.steps.forEach((key, counts) -> {
            long[] total = all.steps.computeIfAbsent(key, k -> new long[2]);
            total[0] += counts[0];
            total[1] += counts[1];
        });
    }

    private static Dashboard.Group group(String key, Sums sums, CampaignFacts facts) {
        Map<String, Dashboard.StepCount> steps = new LinkedHashMap<>();
        for (String step : facts.stepKeys()) {
            long[] counts = sums.steps.getOrDefault(step, new long[2]);
            steps.put(step, new Dashboard.StepCount(counts[0], counts[1]));
        }
        return new Dashboard.Group(
                key,
                sums.recipients,
                sums.sent,
                sums.failed,
                sums.visited,
                sums.visitedAny,
                steps,
                sums.completed,
                Dashboard.rate(sums.completed, sums.recipients),
                deadline(sums.regions, facts),
                sums.overdue);
    }

    /** The one deadline date of the group's regions, or null when they have none or several. */
    static LocalDate deadline(Set<String> regions, CampaignFacts facts) {
        Set<LocalDate> dates = new TreeSet<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        for (String region : regions) {
            dates.add(facts.deadlineFor(region));
        }
        return dates.size() == 1 ? dates.iterator().next() : null;
    }

    /**
     * Every UTC day from the launch (or first completion) to today or the campaign's end (or last completion),
     * with that day's completions ({@code days}) and the running total.
     */
    static List<Dashboard.Day> timeline(SortedMap<LocalDate, Long> days, CampaignFacts facts, Instant now) {
        List<Dashboard.Day> timeline = new ArrayList<>();
        if (facts.launchedAt() == null && days.isEmpty()) {
            return timeline;
        }
        LocalDate first = facts.launchedAt() == null ? null : utcDay(facts.launchedAt());
        LocalDate last = utcDay(facts.endedAt() != null ? facts.endedAt() : now);
        if (!days.isEmpty()) {
            LocalDate firstCompletion = days.firstKey();
            LocalDate lastCompletion = days.lastKey();
            first = first == null || firstCompletion.isBefore(first) ? firstCompletion : first;
            last = lastCompletion.isAfter(last) ? lastCompletion : last;
        }
        long cumulative = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            long completed = days.getOrDefault(day, 0L);
            cumulative += completed;
            timeline.add(new Dashboard.Day(day, completed, cumulative));
        }
        return timeline;
    }

    private static LocalDate utcDay(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
