package io.heed.compliance.dashboard;

import io.heed.campaign.CampaignStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Every launched campaign with its completion by region, newest first ({@code GET /compliance/overview}).
 *
 * @param regions the regions counted (the caller's scope narrowed by the region filter); empty: all
 */
public record Overview(Instant asOf, List<String> regions, String department, List<CampaignCompliance> campaigns) {

    public record CampaignCompliance(
            long id,
            String name,
            CampaignStatus status,
            String playbook,
            Instant launchedAt,
            Instant endedAt,
            long recipients,
            long completed,
            double completionRate,
            long overdue,
            List<RegionCompliance> regions) {}

    public record RegionCompliance(
            String region, long recipients, long completed, double completionRate, LocalDate deadline, long overdue) {}
}
