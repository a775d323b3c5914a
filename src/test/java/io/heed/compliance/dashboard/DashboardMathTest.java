package io.heed.compliance.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.heed.campaign.Audience;
import io.heed.campaign.CampaignStatus;
import io.heed.compliance.CampaignFacts;
import io.heed.compliance.ComplianceFilter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The dashboard's arithmetic on counter rows: rates, a group's deadline, the timeline's days (no database). */
class DashboardMathTest {

    static final LocalDate EMEA_DEADLINE = LocalDate.of(2026, 12, 15);
    static final LocalDate OTHER_DEADLINE = LocalDate.of(2026, 12, 31);

    static CampaignFacts campaign(Map<String, LocalDate> deadlines, Instant launchedAt, Instant endedAt) {
        return new CampaignFacts(
                7,
                "LinkedIn opt-out",
                endedAt == null ? CampaignStatus.ACTIVE : CampaignStatus.CLOSED,
                "linkedin-genai-optout",
                "LinkedIn",
                1,
                List.of(
                        new CampaignFacts.Step("genai-toggle", "Toggle"),
                        new CampaignFacts.Step("objection-form", "Form")),
                Audience.EVERYONE,
                new TreeMap<>(deadlines),
                launchedAt,
                "admin",
                launchedAt,
                launchedAt,
                null,
                endedAt);
    }

    static final CampaignFacts LAUNCHED =
            campaign(Map.of("EMEA", EMEA_DEADLINE, "*", OTHER_DEADLINE), Instant.parse("2026-12-01T22:30:00Z"), null);

    @Test
    void aRateIsRoundedToFourDecimalsAndZeroForNobody() {
        assertEquals(0.6667, Dashboard.rate(2, 3));
        assertEquals(0.3333, Dashboard.rate(1, 3));
        assertEquals(0.125, Dashboard.rate(1, 8));
        assertEquals(1.0, Dashboard.rate(5, 5));
        assertEquals(0.0, Dashboard.rate(0, 0), "no recipients: 0, not NaN");
        assertEquals(0.0001, Dashboard.rate(1, 19_999), "0.00005 rounds up");
    }

    @Test
    void aGroupsDeadlineIsItsRegionsOneDateOrNone() {
        assertEquals(EMEA_DEADLINE, CampaignDashboardQueries.deadline(Set.of("EMEA"), LAUNCHED), "its own date");
        assertEquals(OTHER_DEADLINE, CampaignDashboardQueries.deadline(Set.of("AMER"), LAUNCHED), "the * date");
        assertEquals(
                OTHER_DEADLINE,
                CampaignDashboardQueries.deadline(Set.of("AMER", "APAC"), LAUNCHED),
                "one date for both");
        assertNull(CampaignDashboardQueries.deadline(Set.of("AMER", "EMEA"), LAUNCHED), "two dates: none");
        assertNull(CampaignDashboardQueries.deadline(Set.of(), LAUNCHED), "no region");
        CampaignFacts onlyEmea = campaign(Map.of("EMEA", EMEA_DEADLINE), LAUNCHED.launchedAt(), null);
        assertNull(CampaignDashboardQueries.deadline(Set.of("AMER"), onlyEmea), "a region without a date");
        assertNull(CampaignDashboardQueries.deadline(Set.of("AMER", "EMEA"), onlyEmea), "a date and none");
    }

    @Test
    void theTimelineRunsEveryUtcDayFromTheLaunchToTodayWithARunningTotal() {
        SortedMap<LocalDate, Long> days = new TreeMap<>(Map.of(LocalDate.of(2026, 12, 3), 4L));
        List<Dashboard.Day> timeline =
                CampaignDashboardQueries.timeline(days, LAUNCHED, Instant.parse("2026-12-04T00:00:01Z"));
        assertEquals(
                List.of(
                        new Dashboard.Day(LocalDate.of(2026, 12, 1), 0, 0),
                        new Dashboard.Day(LocalDate.of(2026, 12, 2), 0, 0),
                        new Dashboard.Day(LocalDate.of(2026, 12, 3), 4, 4),
                        new Dashboard.Day(LocalDate.of(2026, 12, 4), 0, 4)),
                timeline,
                "launched 22:30 UTC on the 1st: that day first, whatever the zone of anyone asked");
    }

    @Test
    void theTimelineOfAnEndedCampaignStopsAtItsEndUnlessCompletionsCameLater() {
        CampaignFacts ended =
                campaign(Map.of(), Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-02T09:00:00Z"));
        Instant later = Instant.parse("2026-12-20T00:00:00Z");
        assertEquals(
                List.of(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2)),
                CampaignDashboardQueries.timeline(new TreeMap<>(), ended, later).stream()
                        .map(Dashboard.Day::date)
                        .toList());
        SortedMap<LocalDate, Long> afterTheEnd = new TreeMap<>(Map.of(LocalDate.of(2026, 12, 3), 1L));
        List<Dashboard.Day> timeline = CampaignDashboardQueries.timeline(afterTheEnd, ended, later);
        assertEquals(new Dashboard.Day(LocalDate.of(2026, 12, 3), 1, 1), timeline.get(timeline.size() - 1));
        assertEquals(3, timeline.size());
    }

    @Test
    void aCampaignNeverLaunchedHasNoTimelineUnlessItHasCompletions() {
        CampaignFacts draft = campaign(Map.of(), null, null);
        Instant now = Instant.parse("2026-12-05T12:00:00Z");
        assertEquals(List.of(), CampaignDashboardQueries.timeline(new TreeMap<>(), draft, now));
        SortedMap<LocalDate, Long> days = new TreeMap<>(Map.of(LocalDate.of(2026, 12, 4), 2L));
        assertEquals(
                List.of(
                        new Dashboard.Day(LocalDate.of(2026, 12, 4), 2, 2),
                        new Dashboard.Day(LocalDate.of(2026, 12, 5), 0, 2)),
                CampaignDashboardQueries.timeline(days, draft, now));
    }

    @Test
    void counterRowsAddUpToGroupsInOrderTotalsStepsAndDays() {
        Instant now = Instant.parse("2026-12-02T12:00:00Z");
        List<CampaignDashboardQueries.CountRow> rows = List.of(
                cells("EMEA", List.of("EMEA"), 3, 3, 0, 2, 3, 2, 1),
                cells(null, List.of("APAC"), 1, 1, 0, 0, 0, 0, 0),
                cells("AMER", List.of("AMER"), 2, 1, 1, 1, 1, 0, 2),
                cells("LATAM", List.of("LATAM"), 0, 0, 0, 0, 0, 0, 0),
                step("EMEA", "genai-toggle", 1, 1),
                step("EMEA", "objection-form", 0, 2),
                step("AMER", "genai-toggle", 1, 0),
                day(LocalDate.of(2026, 12, 2), 2));
        Dashboard d =
                CampaignDashboardQueries.dashboard(rows, LAUNCHED, GroupBy.REGION, ComplianceFilter.EVERYTHING, now);

        assertEquals(
                List.of("AMER", "EMEA"),
                d.groups().stream().limit(2).map(Dashboard.Group::key).toList());
        assertNull(d.groups().get(2).key(), "recipients without a value come last");
        assertEquals(3, d.groups().size(), "a cell with no recipients left and no steps is not a group");
        Dashboard.Group emea = d.groups().get(1);
        assertEquals(0.6667, emea.completionRate());
        assertEquals(EMEA_DEADLINE, emea.deadline());
        assertEquals(
                List.of("genai-toggle", "objection-form"),
                List.copyOf(emea.steps().keySet()));
        assertEquals(new Dashboard.StepCount(0, 2), emea.steps().get("objection-form"));
        assertEquals(
                new Dashboard.StepCount(0, 0), d.groups().get(0).steps().get("objection-form"), "unanswered: zeros");

        Dashboard.Group totals = d.totals();
        assertNull(totals.key());
        assertEquals(
                List.of(6L, 5L, 1L, 3L, 4L, 2L, 3L),
                List.of(
                        totals.recipients(),
                        totals.sent(),
                        totals.failed(),
                        totals.visited(),
                        totals.visitedIncludingAutomated(),
                        totals.completed(),
                        totals.overdue()));
        assertEquals(0.3333, totals.completionRate());
        assertNull(totals.deadline(), "AMER, APAC and EMEA: two dates");
        assertEquals(new Dashboard.StepCount(2, 1), totals.steps().get("genai-toggle"));
        assertEquals(
                List.of(
                        new Dashboard.Day(LocalDate.of(2026, 12, 1), 0, 0),
                        new Dashboard.Day(LocalDate.of(2026, 12, 2), 2, 2)),
                d.timeline());
        assertEquals("region", d.groupBy());
        assertEquals(now, d.asOf());
    }

    private static CampaignDashboardQueries.CountRow cells(
            String key,
            List<String> regions,
            long recipients,
            long sent,
            long failed,
            long visited,
            long visitedAny,
            long completed,
            long overdue) {
        return new CampaignDashboardQueries.CountRow(
                key, null, null, regions, recipients, sent, failed, visited, visitedAny, completed, overdue, 0, 0);
    }

    private static CampaignDashboardQueries.CountRow step(String key, String step, long done, long notApplicable) {
        return new CampaignDashboardQueries.CountRow(
                key, step, null, List.of(key), 0, 0, 0, 0, 0, 0, 0, done, notApplicable);
    }

    private static CampaignDashboardQueries.CountRow day(LocalDate day, long completed) {
        return new CampaignDashboardQueries.CountRow(
                null, null, day, List.of("EMEA"), 0, 0, 0, 0, 0, completed, 0, 0, 0);
    }
}
