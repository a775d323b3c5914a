package io.heed.compliance.dashboard;

import io.heed.campaign.CampaignStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One employee across every campaign that asked them, newest first ({@code GET /compliance/employees/{email}}).
 * Region, department and country are each campaign's snapshot at launch, which is what that campaign counts.
 */
public record EmployeeCompliance(
        String email,
        String name,
        String region,
        String department,
        boolean active,
        Instant asOf,
        List<CampaignState> campaigns) {

    /**
     * @param deadlineAt the end of the region's deadline day in the employee's zone (when they become overdue)
     * @param visitedAt the first visit of their page that did not look automated
     * @param firstVisitAt the first visit of any kind, mail scanners included
     */
    public record CampaignState(
            long campaignId,
            String campaign,
            CampaignStatus status,
            String playbook,
            int playbookVersion,
            String region,
            String department,
            String country,
            String deliveryStatus,
            Instant sentAt,
            Instant failedAt,
            LocalDate deadline,
            Instant deadlineAt,
            Instant visitedAt,
            Instant firstVisitAt,
            List<StepState> steps,
            boolean completed,
            Instant completedAt,
            boolean overdue) {}

    /**
     * @param status {@code done}, {@code not_applicable}, or null when not answered
     * @param answeredAt when the current answer was given
     * @param firstAnsweredAt when the step was first answered (a later change does not move it)
     */
    public record StepState(String key, String title, String status, Instant answeredAt, Instant firstAnsweredAt) {}
}
