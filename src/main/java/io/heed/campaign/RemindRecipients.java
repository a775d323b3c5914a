package io.heed.campaign;

import io.heed.audit.AuditLog;
import io.heed.delivery.Outbox;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.heed.platform.error.Refusal;
import io.heed.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "Remind these N": a reminder, now, to the recipients a list filter picks ({@link RecipientQueries#where}),
 * queued like the scheduled reminders of {@link CampaignFollowUps} (same kind and reference, the campaign's
 * stream, so paced like any reminder, counted in {@code reminders_sent}). Skips those who completed, whose
 * invitation has not been delivered (still queued, or failed), those reminded in the last 24 hours and those with
 * a reminder still waiting in the outbox (held by pacing): a second click queues nothing twice, and nobody gets
 * two reminders a day from the console. Set-based: one update marks them, one insert … select queues.
 */
@ApplicationScoped
public class RemindRecipients {

    /** What {@link #remind} did: how many reminders it queued. */
    public record Reminded(long campaignId, int queued) {}

    private static final String REMINDABLE = """

               and r.completed_at is null
               and r.delivery_status = 'SENT'
               and (r.last_reminded_at is null or r.last_reminded_at <= :asOf::timestamptz - interval '24 hours')
               and not exists (
                   select 1 from outbox_message o
                    where o.stream = :stream and o.status in ('PENDING', 'SENDING') and o.kind = :reminderKind
                      and o.reference = :reminderPrefix || r.id || :reminderSeparator || r.reminders_sent)""";

    private static final Map<RecipientQueries.Filter, NamedSql> MARK = new EnumMap<>(RecipientQueries.Filter.class);
    private static final Map<RecipientQueries.Filter, NamedSql> COUNT = new EnumMap<>(RecipientQueries.Filter.class);

    static {
        for (RecipientQueries.Filter f : RecipientQueries.Filter.values()) {
            MARK.put(f, NamedSql.of("""
                    update recipient r
                       set reminders_sent = r.reminders_sent + 1, last_reminded_at = :pass
                     where""" + RecipientQueries.where(f) + REMINDABLE));
            COUNT.put(
                    f, NamedSql.of("select count(*) from recipient r where" + RecipientQueries.where(f) + REMINDABLE));
        }
    }

    // The reminders just marked, due now (or at the recipient's next local send time), as CampaignFollowUps.
    private static final String QUEUE = """
            select :reminderKind as kind,
                   :reminderPrefix || r.id || :reminderSeparator || r.reminders_sent as reference,
                   r.email as to_address, :stream as stream,
                   case when c.local_send_time is null then r.last_reminded_at
                        else heed_next_local_time(r.last_reminded_at, c.local_send_time, r.time_zone) end as due_at
              from recipient r join campaign c on c.id = r.campaign_id
             where r.campaign_id = :campaign and r.last_reminded_at = :pass""";

    @Inject
    Database database;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    /** How many a reminder would go to now (the confirmation's count). */
    public long preview(long campaignId, RecipientQueries.Query query, RegionScope scope) {
        Campaign campaign = Campaign.require(campaignId);
        return database.number(COUNT.get(query.filter()), params(campaign, query, scope, clock.instant()));
    }

    /**
     * Queues a reminder to each remindable recipient {@code query} picks within {@code scope}.
     *
     * @throws Refusal conflict when the campaign is not sending or active; invalid for a filter that reminds no
     *     one (failed deliveries, completed)
     */
    @Transactional
    public Reminded remind(long campaignId, RecipientQueries.Query query, RegionScope scope, String actor) {
        Campaign campaign = Campaign.locked(campaignId);
        if (campaign.status != CampaignStatus.SENDING && campaign.status != CampaignStatus.ACTIVE) {
            throw Refusal.conflict(
                    "Reminders go out only while a campaign is sending or active; this one is "
                            + campaign.status.name().toLowerCase(java.util.Locale.ROOT) + ".",
                    campaign.status.name());
        }
        if (!query.filter().remindable()) {
            throw Refusal.invalid("filter: choose who should be reminded (not everyone, failed deliveries or "
                    + "those who completed).");
        }
        Instant pass = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int marked = database.update(
                MARK.get(query.filter()), params(campaign, query, scope, pass).and("pass", pass));
        int queued = 0;
        if (marked > 0) {
            Map<String, Object> queueing = new HashMap<>(CampaignMessage.Reminder.SQL);
            queueing.put("campaign", campaign.id);
            queueing.put("stream", campaign.stream());
            queueing.put("pass", Timestamp.from(pass));
            queued = outbox.enqueueSelect(QUEUE, queueing);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("filter", query.filter().key);
        if (query.step() != null) {
            details.put("step", query.step());
        }
        if (query.search() != null) {
            details.put("search", query.search());
        }
        if (!scope.unrestricted()) {
            details.put("regions", scope.regions().stream().sorted().toList());
        }
        details.put("count", queued);
        auditLog.record(actor, "campaign.remind", Campaign.auditTarget(campaignId), details);
        return new Reminded(campaignId, queued);
    }

    private static Params params(Campaign campaign, RecipientQueries.Query query, RegionScope scope, Instant asOf) {
        Params params = query.params(campaign.id, scope, asOf).and("stream", campaign.stream());
        for (var e : CampaignMessage.Reminder.SQL.entrySet()) {
            params = params.and(e.getKey(), e.getValue());
        }
        return params;
    }
}
