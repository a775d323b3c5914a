package io.heed.compliance;

import io.heed.campaign.Campaign;
import io.heed.directory.Employee;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.heed.platform.database.Sql;
import io.heed.platform.error.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
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

    private static final NamedSql EMPLOYEE_RECIPIENTS = NamedSql.of("""
            /* heed:employee */
            select r.id, r.campaign_id, r.region, r.department, r.country, r.delivery_status, r.sent_at,
                   r.failed_at, r.deadline_at, r.first_human_visit_at, r.first_visit_at, r.completed_at
              from recipient r
             where r.employee_id = :employee and %s
             order by r.campaign_id desc""".formatted(ComplianceFilter.sql("r")));

    private static final NamedSql EMPLOYEE_ANSWERS = NamedSql.of("""
            select recipient_id, step_key, status, changed_at, first_answered_at
              from step_answer where recipient_id = any(:recipients)""");

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
    Database database;

    @Inject
    Clock clock;

    public Dashboard dashboard(long campaignId, GroupBy groupBy, ComplianceFilter filter) {
        CampaignFacts facts = campaigns.facts(campaignId);
        Instant now = clock.instant();
        return database.snapshot(
                "count the dashboard of campaign " + campaignId,
                sql -> DashboardQueries.dashboard(sql, facts, groupBy, filter, now));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Overview overview(ComplianceFilter filter) {
        Instant now = clock.instant();
        List<Campaign> launched = Campaign.list("launchedAt is not null order by id desc");
        Map<Long, Map<String, long[]>> counts = filter.nothingVisible()
                ? Map.of()
                : database.snapshot("count the compliance overview", sql -> {
                    Map<Long, Map<String, long[]>> byCampaign = new HashMap<>();
                    sql.list(
                            OVERVIEW,
                            filter.params().and("asOf", now),
                            r -> byCampaign
                                    .computeIfAbsent(r.getLong("campaign_id"), k -> new TreeMap<>())
                                    .put(r.string("region"), new long[] {
                                        r.getLong("recipients"), r.getLong("completed"), r.getLong("overdue")
                                    }));
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
            database.snapshot("read the compliance of an employee", sql -> {
                readEmployee(sql, employee.id, filter, recipients, answers);
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
            Sql sql,
            long employeeId,
            ComplianceFilter filter,
            List<EmployeeRecipient> recipients,
            Map<Long, Map<String, EmployeeAnswer>> answers)
            throws SQLException {
        recipients.addAll(sql.list(
                EMPLOYEE_RECIPIENTS,
                filter.params().and("employee", employeeId),
                r -> new EmployeeRecipient(
                        r.getLong("id"),
                        r.getLong("campaign_id"),
                        r.string("region"),
                        r.string("department"),
                        r.string("country"),
                        r.string("delivery_status"),
                        r.instant("sent_at"),
                        r.instant("failed_at"),
                        r.instant("deadline_at"),
                        r.instant("first_human_visit_at"),
                        r.instant("first_visit_at"),
                        r.instant("completed_at"))));
        if (recipients.isEmpty()) {
            return;
        }
        List<Long> ids = recipients.stream().map(EmployeeRecipient::id).toList();
        sql.list(
                EMPLOYEE_ANSWERS,
                Params.of("recipients", ids),
                r -> answers.computeIfAbsent(r.getLong("recipient_id"), k -> new LinkedHashMap<>())
                        .put(
                                r.string("step_key"),
                                new EmployeeAnswer(
                                        r.string("status"), r.instant("changed_at"), r.instant("first_answered_at"))));
    }
}
