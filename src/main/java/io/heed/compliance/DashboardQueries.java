package io.heed.compliance;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dashboard's counts, read from the counters ({@code compliance_count} plus the pending
 * {@code compliance_count_delta} rows; see V9 and docs/compliance.md): a few thousand rows for a campaign of a
 * million recipients, whatever its size. One statement, so the counts are of one snapshot.
 */
final class DashboardQueries {

    // The campaign's counter rows within the filter, then summed per group (cell and step rows) or per day (day
    // rows, whose key is null). Overdue: cell rows whose deadline instant has passed, less their completions.
    private static final String COUNTS = """
            /* heed:dashboard */
            with c as (
                select region, department, country, deadline_at, step_key, completed_on, recipients, sent,
                       failed, visited, visited_any, completed, done, not_applicable
                  from compliance_count
                 where campaign_id = ? and %2$s
                union all
                select region, department, country, deadline_at, step_key, completed_on, recipients, sent,
                       failed, visited, visited_any, completed, done, not_applicable
                  from compliance_count_delta
                 where campaign_id = ? and %2$s
            )
            select case when completed_on is null then %1$s end as key, step_key, completed_on,
                   array_agg(distinct region) as regions,
                   sum(recipients), sum(sent), sum(failed), sum(visited), sum(visited_any), sum(completed),
                   coalesce(sum(recipients - completed) filter (where deadline_at <= ?), 0) as overdue,
                   sum(done), sum(not_applicable)
              from c
             group by 1, step_key, completed_on""";

    private DashboardQueries() {}

    /** Mutable sums of one group while reading. */
    private static final class Sums {
        final Set<String> regions = new TreeSet<>();
        long recipients, sent, failed, visited, visitedAny, completed, overdue;
        final Map<String, long[]> steps = new HashMap<>();
    }

    static Dashboard dashboard(
            Connection connection, CampaignFacts facts, GroupBy groupBy, ComplianceFilter filter, Instant now)
            throws SQLException {
        Map<String, Sums> groups = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Map<LocalDate, Long> days = new TreeMap<>();
        if (!filter.nothingVisible()) {
            String sql = COUNTS.formatted(groupBy.column(), ComplianceFilter.sql(""));
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 1;
                statement.setLong(i++, facts.id());
                i = filter.bind(connection, statement, i);
                statement.setLong(i++, facts.id());
                i = filter.bind(connection, statement, i);
                statement.setTimestamp(i, Timestamp.from(now));
                try (ResultSet r = statement.executeQuery()) {
                    while (r.next()) {
                        read(r, groups, days);
                    }
                }
            }
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

    private static void read(ResultSet r, Map<String, Sums> groups, Map<LocalDate, Long> days) throws SQLException {
        String stepKey = r.getString(2);
        java.sql.Date day = r.getDate(3);
        if (day != null) {
            days.merge(day.toLocalDate(), r.getLong(10), Long::sum);
            return;
        }
        Sums sums = groups.computeIfAbsent(r.getString(1), k -> new Sums());
        Array regions = r.getArray(4);
        for (Object region : (Object[]) regions.getArray()) {
            sums.regions.add((String) region);
        }
        if (stepKey != null) {
            long[] counts = sums.steps.computeIfAbsent(stepKey, k -> new long[2]);
            counts[0] += r.getLong(12);
            counts[1] += r.getLong(13);
            return;
        }
        sums.recipients += r.getLong(5);
        sums.sent += r.getLong(6);
        sums.failed += r.getLong(7);
        sums.visited += r.getLong(8);
        sums.visitedAny += r.getLong(9);
        sums.completed += r.getLong(10);
        sums.overdue += r.getLong(11);
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
                rate(sums.completed, sums.recipients),
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

    static double rate(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }

    /** Every UTC day from the launch (or first completion) to today or the campaign's end (or last completion). */
    private static List<Dashboard.Day> timeline(Map<LocalDate, Long> days, CampaignFacts facts, Instant now) {
        List<Dashboard.Day> timeline = new ArrayList<>();
        if (facts.launchedAt() == null && days.isEmpty()) {
            return timeline;
        }
        LocalDate first = facts.launchedAt() == null ? null : utcDay(facts.launchedAt());
        LocalDate last = utcDay(facts.endedAt() != null ? facts.endedAt() : now);
        if (!days.isEmpty()) {
            LocalDate firstCompletion = days.keySet().iterator().next();
            LocalDate lastCompletion = ((TreeMap<LocalDate, Long>) days).lastKey();
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
