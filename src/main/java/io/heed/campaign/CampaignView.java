package io.heed.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A campaign as the API (and the console) shows it: its settings, its pinned playbook version, and its
 * recipients counted within the reader's regions. Made by {@link CampaignQueries}.
 */
public record CampaignView(
        long id,
        String name,
        String playbook,
        Integer playbookVersion,
        CampaignStatus status,
        CampaignStatus pausedFrom,
        Audience audience,
        Instant sendAt,
        String localSendTime,
        String spreadOver,
        Integer ratePerMinute,
        CampaignRequest.Reminders reminders,
        Map<String, LocalDate> deadlines,
        Integer escalateToManagerAfterDays,
        Instant createdAt,
        String createdBy,
        Instant launchedAt,
        Instant allSentAt,
        Instant endedAt,
        RecipientCounts.Counts counts) {

    static CampaignView of(Campaign c, Integer pinnedVersion, RecipientCounts.Counts counts) {
        return new CampaignView(
                c.id,
                c.name,
                c.playbookKey,
                pinnedVersion,
                c.status,
                c.pausedFrom,
                c.audience,
                c.sendAt,
                c.localSendTime == null ? null : c.localSendTime.toString(),
                c.spreadOver() == null ? null : c.spreadOver().toString(),
                c.ratePerMinute,
                c.reminderEveryDays == null ? null : new CampaignRequest.Reminders(c.reminderEveryDays, c.reminderMax),
                c.deadlines,
                c.escalateAfterDays,
                c.createdAt,
                c.createdBy,
                c.launchedAt,
                c.allSentAt,
                c.endedAt,
                counts);
    }
}
