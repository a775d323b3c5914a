package io.heed.compliance;

import io.heed.campaign.Campaign;
import io.heed.directory.Employee;
import io.heed.platform.error.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The compliance dashboards: one campaign by group, all campaigns by region, one employee across campaigns. */
@ApplicationScoped
public class ComplianceDashboards {

    // Cell rows of every campaign within the filter (totals plus pending deltas), per campaign and region.
    private static final String OVERVIEW = """
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
            select campaign_id, region, sum(recipients), sum(completed),
                   coalesce(sum(recipients - completed) filter (where deadline_at <= ?), 0)
              from c
             group by campaign_id, region""";

    private static final String EMPLOYEE_RECIPIENTS = """
            /* heed:employee */
            select r.id, r.campaign_id, r.region, r.department, r.country, r.delivery_status, r.sent_at,
                   r.failed_at, r.deadline_at, r.first_human_visit_at, r.first_visit_at, r.completed_at
              from recipient r
             where r.employee_id = ? and %s
             order by r.campaign_id desc""";

    private static final String EMPLOYEE_ANSWERS = """
            select recipient_id, step_key, status, changed_at, first_answered_at
              from step_answer where recipient_id = any(?::bigint[])""";

    /** One recipient row of the employee, as read. */
    private record EmployeeRecipient(
            long id,
            long campaignId,
            String region,
            String department,
            String country,
            String deliveryStatus,
            Instant sentAt,
            Instant failedAt,
            Instant deadlineAt,
            Instant visitedAt,
            Instant firstVisitAt,
            Instant completedAt) {}

    /** One current answer of the employee, as read. */
    private record EmployeeAnswer(String status, Instant answeredAt, Instant firstAnsweredAt) {}

    @Inject
    ComplianceCampaigns campaigns;

    @Inject
    ReadSnapshots snapshots;

    @Inject
    Clock clock;

    public Dashboard dashboard(long campaignId, GroupBy groupBy, ComplianceFilter filter) {
        CampaignFacts facts = campaigns.facts(campaignId);
        return snapshots.read(c -> DashboardQueries.dashboard(c, facts, groupBy, filter, clock.instant()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Overview overview(ComplianceFilter filter) {
        Instant now = clock.instant();
        List<Campaign> launched = Campaign.list("launchedAt is not null order by id desc");
        Map<Long, Map<String, long[]>> counts = filter.nothingVisible()
                ? Map.of()
                : snapshots.read(c -> {
                    Map<Long, Map<String, long[]>> byCampaign = new HashMap<>();
                    try (PreparedStatement s = c.prepareStatement(OVERVIEW.formatted(ComplianceFilter.sql("")))) {
                        int i = filter.bind(c, s, 1);
                        i = filter.bind(c, s, i);
                        s.setTimestamp(i, Timestamp.from(now));
                        try (ResultSet r = s.executeQuery()) {
                            while (r.next()) {
                                byCampaign
                                        .computeIfAbsent(r.getLong(1), k -> new TreeMap<>())
                                        .put(r.getString(2), new long[] {r.getLong(3), r.getLong(4), r.getLong(5)});
                            }
                        }
                    }
                    return byCampaign;
                });
        List<Overview.CampaignCompliance> result = new ArrayList<>();
        for (Campaign campaign : launched) {
            List<Overview.RegionCompliance> regions = new ArrayList<>();
            long recipients = 0, completed = 0, overdue = 0;
            for (var entry : counts.getOrDefault(campaign.id, Map.of()).entrySet()) {
                long[] n = entry.getValue();
                if (n[0] == 0) {
                    continue;
                }
                regions.add(new Overview.RegionCompliance(
                        entry.getKey(),
                        n[0],
                        n[1],
                        DashboardQueries.rate(n[1], n[0]),
                        campaign.deadlineFor(entry.getKey()),
                        n[2]));
                recipients += n[0];
                completed += n[1];
                overdue += n[2];
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
                    DashboardQueries.rate(completed, recipients),
                    overdue,
                    regions));
        }
        return new Overview(now, filter.regionList(), filter.department().orElse(null), result);
    }

    /** @throws Refusal not found when the directory has no such employee, or none the caller may see */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EmployeeCompliance employee(String email, ComplianceFilter filter) {
        Employee employee = Employee.findByEmail(email == null ? "" : email.trim())
                .orElseThrow(() -> Refusal.notFound("No employee " + email + " in the directory."));
        Instant now = clock.instant();
        List<EmployeeRecipient> recipients = new ArrayList<>();
        Map<Long, Map<String, EmployeeAnswer>> answers = new HashMap<>();
        if (!filter.nothingVisible()) {
            snapshots.read(c -> {
                readEmployee(c, employee.id, filter, recipients, answers);
                return null;
            });
        }
        if (recipients.isEmpty() && !filter.scope().allows(employee.region)) {
            throw Refusal.notFound("No employee " + email + " in the directory.");
        }
        Map<Long, CampaignFacts> facts = new HashMap<>();
        List<EmployeeCompliance.CampaignState> states = new ArrayList<>();
        for (EmployeeRecipient r : recipients) {
            CampaignFacts campaign = facts.computeIfAbsent(r.campaignId(), campaigns::facts);
            Map<String, EmployeeAnswer> mine = answers.getOrDefault(r.id(), Map.of());
            List<EmployeeCompliance.StepState> steps = new ArrayList<>();
            for (CampaignFacts.Step step : campaign.steps()) {
                EmployeeAnswer a = mine.get(step.key());
                steps.add(new EmployeeCompliance.StepState(
                        step.key(),
                        step.title(),
                        a == null ? null : a.status(),
                        a == null ? null : a.answeredAt(),
                        a == null ? null : a.firstAnsweredAt()));
            }
            states.add(new EmployeeCompliance.CampaignState(
                    campaign.id(),
                    campaign.name(),
                    campaign.status(),
                    campaign.playbookKey(),
                    campaign.playbookVersion(),
                    r.region(),
                    r.department(),
                    r.country(),
                    r.deliveryStatus(),
                    r.sentAt(),
                    r.failedAt(),
                    campaign.deadlineFor(r.region()),
                    r.deadlineAt(),
                    r.visitedAt(),
                    r.firstVisitAt(),
                    steps,
                    r.completedAt() != null,
                    r.completedAt(),
                    r.completedAt() == null
                            && r.deadlineAt() != null
                            && !r.deadlineAt().isAfter(now)));
        }
        return new EmployeeCompliance(
                employee.email, employee.name, employee.region, employee.department, employee.active, now, states);
    }

    private static void readEmployee(
            Connection c,
            long employeeId,
            ComplianceFilter filter,
            List<EmployeeRecipient> recipients,
            Map<Long, Map<String, EmployeeAnswer>> answers)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(EMPLOYEE_RECIPIENTS.formatted(ComplianceFilter.sql("r")))) {
            s.setLong(1, employeeId);
            filter.bind(c, s, 2);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    recipients.add(new EmployeeRecipient(
                            r.getLong(1),
                            r.getLong(2),
                            r.getString(3),
                            r.getString(4),
                            r.getString(5),
                            r.getString(6),
                            instant(r.getTimestamp(7)),
                            instant(r.getTimestamp(8)),
                            instant(r.getTimestamp(9)),
                            instant(r.getTimestamp(10)),
                            instant(r.getTimestamp(11)),
                            instant(r.getTimestamp(12))));
                }
            }
        }
        if (recipients.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(EMPLOYEE_ANSWERS)) {
            s.setArray(
                    1,
                    c.createArrayOf(
                            "bigint",
                            recipients.stream().map(EmployeeRecipient::id).toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    answers.computeIfAbsent(r.getLong(1), k -> new LinkedHashMap<>())
                            .put(
                                    r.getString(2),
                                    new EmployeeAnswer(
                                            r.getString(3), instant(r.getTimestamp(4)), instant(r.getTimestamp(5))));
                }
            }
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
