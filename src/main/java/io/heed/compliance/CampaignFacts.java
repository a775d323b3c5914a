package io.heed.compliance;

import io.heed.campaign.Audience;
import io.heed.campaign.Campaign;
import io.heed.campaign.CampaignStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the compliance side needs to know of a campaign: its identity, its pinned playbook version and steps (in
 * the playbook's order), its deadlines and dates. Read once per request, before any streaming starts.
 *
 * @param playbookVersion the pinned version, or the latest for a campaign not launched yet
 * @param deadlines region → date; {@link Campaign#WILDCARD_REGION} for every region not named
 */
public record CampaignFacts(
        long id,
        String name,
        CampaignStatus status,
        String playbookKey,
        String playbookTitle,
        int playbookVersion,
        List<Step> steps,
        Audience audience,
        Map<String, LocalDate> deadlines,
        Instant createdAt,
        String createdBy,
        Instant sendAt,
        Instant launchedAt,
        Instant allSentAt,
        Instant endedAt) {

    /** One step of the playbook: its key (the report column) and English title. */
    public record Step(String key, String title) {}

    public List<String> stepKeys() {
        return steps.stream().map(Step::key).toList();
    }

    /** The region's deadline date: its own, else the {@code *} one, else none. */
    public LocalDate deadlineFor(String region) {
        LocalDate own = deadlines.get(region);
        return own != null ? own : deadlines.get(Campaign.WILDCARD_REGION);
    }
}
