package io.heed.compliance.dashboard;

import io.heed.campaign.CampaignStatus;
import io.heed.compliance.CampaignFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A campaign's compliance by region, department or country, as {@code GET /campaigns/{id}/dashboard} answers
 * it. What each number means: docs/compliance.md.
 *
 * @param asOf when it was counted; overdue is judged at this instant
 * @param regions the regions counted (the caller's scope narrowed by the region filter); empty: all
 * @param timeline completions per UTC day, from the launch day to today (or the day the campaign ended)
 */
public record Dashboard(
        CampaignRef campaign,
        String groupBy,
        List<String> regions,
        String department,
        Instant asOf,
        List<CampaignFacts.Step> steps,
        List<Group> groups,
        Group totals,
        List<Day> timeline) {

    /** {@code part / whole} rounded to 4 decimals, 0 when {@code whole} is: every completion rate Heed states. */
    public static double rate(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }

    public record CampaignRef(long id, String name, CampaignStatus status, String playbook, int playbookVersion) {

        static CampaignRef of(CampaignFacts facts) {
            return new CampaignRef(
                    facts.id(), facts.name(), facts.status(), facts.playbookKey(), facts.playbookVersion());
        }
    }

    /** The counts of one group (or of all, as {@code totals}, whose key is null). */
    public record Group(
            @Schema(description = "The region, department or country; null for totals or recipients without one")
            String key,

            @Schema(description = "Recipients asked (test sends create none)")
            long recipients,

            @Schema(description = "Recipients whose invitation was delivered to the mail server")
            long sent,

            @Schema(description = "Recipients whose invitation failed for good")
            long failed,

            @Schema(description = "Recipients who opened their page in a way that did not look automated")
            long visited,

            @Schema(description = "Recipients whose page was opened at all, mail scanners included")
            long visitedIncludingAutomated,

            @Schema(description = "Per step key: recipients whose current answer is done / not applicable")
            Map<String, StepCount> steps,

            @Schema(description = "Recipients who answered every step")
            long completed,

            @Schema(description = "completed / recipients, 0..1")
            double completionRate,

            @Schema(description = "The group's deadline date; null when it has none or its regions differ")
            LocalDate deadline,

            @Schema(
                    description =
                            "Recipients not completed whose own deadline (end of the day in their zone) has passed")
            long overdue) {}

    public record StepCount(long done, long notApplicable) {}

    public record Day(LocalDate date, long completed, long cumulative) {}
}
