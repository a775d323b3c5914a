package io.heed.compliance.dashboard;

import io.heed.compliance.CampaignFacts;
import io.heed.compliance.CampaignFactsQueries;
import io.heed.compliance.ComplianceFilter;
import io.heed.directory.Employee;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.heed.platform.database.Row;
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

/** One employee across every campaign that asked them, newest first ({@code GET /compliance/employees/{email}}). */
@ApplicationScoped
public class EmployeeComplianceQueries {

    private static final NamedSql RECIPIENTS = NamedSql.of("""
            /* heed:employee */
            select r.id, r.campaign_id, r.region, r.department, r.country, r.delivery_status, r.sent_at,
                   r.failed_at, r.deadline_at, r.first_human_visit_at, r.first_visit_at, r.completed_at
              from recipient r
             where r.employee_id = :employee and %s
             order by r.campaign_id desc""".formatted(ComplianceFilter.sql("r")));

    private static final NamedSql ANSWERS = NamedSql.of("""
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
            Instant completedAt) {

        static EmployeeRecipient read(Row r) throws SQLException {
            return new EmployeeRecipient(
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
                    r.instant("completed_at"));
        }
    }

    /** One current answer of the employee, as read. */
    private record EmployeeAnswer(
            long recipientId, String stepKey, String status, Instant answeredAt, Instant firstAnsweredAt) {

        static EmployeeAnswer read(Row r) throws SQLException {
            return new EmployeeAnswer(
                    r.getLong("recipient_id"),
                    r.string("step_key"),
                    r.string("status"),
                    r.instant("changed_at"),
                    r.instant("first_answered_at"));
        }
    }

    /** The employee's recipient rows and their answers, from one snapshot. */
    private record Read(List<EmployeeRecipient> recipients, List<EmployeeAnswer> answers) {
        static final Read NOTHING = new Read(List.of(), List.of());
    }

    @Inject
    CampaignFactsQueries campaigns;

    @Inject
    Database database;

    @Inject
    Clock clock;

    /** @throws Refusal not found when the directory has no such employee, or none the caller may see */
    @Transactional(Transactional.TxType.SUPPORTS)
    public EmployeeCompliance employee(String email, ComplianceFilter filter) {
        Employee employee = Employee.findByEmail(email == null ? "" : email.trim())
                .orElseThrow(() -> Refusal.notFound("No employee " + email + " in the directory."));
        Instant now = clock.instant();
        Read read = filter.nothingVisible() ? Read.NOTHING : read(employee.id, filter);
        if (read.recipients().isEmpty() && !filter.scope().allows(employee.region)) {
            throw Refusal.notFound("No employee " + email + " in the directory.");
        }
        Map<Long, Map<String, EmployeeAnswer>> answers = new HashMap<>();
        for (EmployeeAnswer a : read.answers()) {
            answers.computeIfAbsent(a.recipientId(), k -> new LinkedHashMap<>()).put(a.stepKey(), a);
        }
        Map<Long, CampaignFacts> facts = new HashMap<>();
        List<EmployeeCompliance.CampaignState> states = new ArrayList<>();
        for (EmployeeRecipient r : read.recipients()) {
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
                    io.heed.campaign.RecipientQueries.overdue(r.deadlineAt(), r.completedAt(), now)));
        }
        return new EmployeeCompliance(
                employee.email, employee.name, employee.region, employee.department, employee.active, now, states);
    }

    private Read read(long employeeId, ComplianceFilter filter) {
        return database.snapshot("read the compliance of an employee", sql -> {
            List<EmployeeRecipient> recipients =
                    sql.list(RECIPIENTS, filter.params().and("employee", employeeId), EmployeeRecipient::read);
            if (recipients.isEmpty()) {
                return Read.NOTHING;
            }
            List<Long> ids = recipients.stream().map(EmployeeRecipient::id).toList();
            return new Read(recipients, sql.list(ANSWERS, Params.of("recipients", ids), EmployeeAnswer::read));
        });
    }
}
