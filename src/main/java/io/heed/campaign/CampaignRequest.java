package io.heed.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/campaigns} and {@code PUT /api/v1/campaigns/{id}}.
 *
 * @param sendAt when sending starts; absent, the campaign stays a draft until launched
 * @param localSendTime {@code HH:mm}: each recipient gets the invitation at that time in their own time zone,
 *     on or after {@code sendAt}
 * @param spreadOver ISO-8601 duration (e.g. {@code PT4H}) over which invitations are spread evenly
 * @param ratePerMinute cap on messages per minute for this campaign
 * @param deadlines region → date; {@code "*"} for every other region
 */
public record CampaignRequest(
        String name,
        String playbook,
        Audience audience,
        Instant sendAt,
        String localSendTime,
        String spreadOver,
        Integer ratePerMinute,
        Reminders reminders,
        Map<String, LocalDate> deadlines,
        Integer escalateToManagerAfterDays) {

    /** Reminders go to recipients who have not completed, every {@code everyDays}, at most {@code max} times. */
    public record Reminders(Integer everyDays, Integer max) {}
}
