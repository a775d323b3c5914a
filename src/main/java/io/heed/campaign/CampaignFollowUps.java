package io.heed.campaign;

import io.heed.delivery.Outbox;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Reminders and manager escalation, queued through the outbox like invitations. Both run once per cluster
 * ({@link CampaignFollowUpJobs}); each pass is one transaction of set-based statements, and a row it marks is
 * never picked again, so a pass that overlaps another or repeats after a crash queues nothing twice. A pass reads
 * the time from the clock and hands it to SQL: what is due is decided against that instant, never the database's
 * {@code now()}.
 */
@ApplicationScoped
class CampaignFollowUps {

    // Recipients due a reminder: invitation delivered, not complete, fewer reminders than the campaign's
    // maximum, and the last invitation or reminder older than the interval. Only running, unpaused campaigns.
    private static final NamedSql MARK_REMINDERS = NamedSql.of("""
            update recipient r
               set reminders_sent = r.reminders_sent + 1, last_reminded_at = :pass
              from campaign c
             where c.id = r.campaign_id
               and c.status = any(:followingUp)
               and c.reminder_every_days is not null
               and r.reminders_sent < c.reminder_max
               and r.delivery_status = :sent
               and r.completed_at is null
               and coalesce(r.last_reminded_at, r.sent_at)
                   <= :pass::timestamptz - make_interval(days => c.reminder_every_days)""");

    // The reminders just marked, each due at the pass (or the recipient's next local send time after it).
    private static final String QUEUE_REMINDERS = """
            select :reminderKind as kind,
                   :reminderPrefix || r.id || :reminderSeparator || r.reminders_sent as reference,
                   r.email as to_address, :streamPrefix || r.campaign_id as stream,
                   case when c.local_send_time is null then r.last_reminded_at
                        else heed_next_local_time(r.last_reminded_at, c.local_send_time, r.time_zone) end as due_at
              from recipient r join campaign c on c.id = r.campaign_id
             where r.last_reminded_at = :pass""";

    // Recipients still open the given number of days after their invitation went out; their manager gets one
    // summary per campaign, the first time any of their reports is overdue in it.
    private static final NamedSql MARK_ESCALATIONS = NamedSql.of("""
            update recipient r
               set escalated_at = :pass
              from campaign c
             where c.id = r.campaign_id
               and c.status = any(:followingUp)
               and c.escalate_after_days is not null
               and r.escalated_at is null
               and r.manager_email is not null
               and r.delivery_status = :sent
               and r.completed_at is null
               and r.sent_at <= :pass::timestamptz - make_interval(days => c.escalate_after_days)""");

    private static final NamedSql RECORD_ESCALATIONS = NamedSql.of("""
            insert into campaign_escalation (campaign_id, manager_email_key, manager_email, created_at)
            select distinct on (r.campaign_id, lower(r.manager_email)) r.campaign_id, lower(r.manager_email),
                   r.manager_email, :pass
              from recipient r
             where r.escalated_at = :pass
            on conflict (campaign_id, manager_email_key) do nothing""");

    private static final String QUEUE_ESCALATIONS = """
            select :escalationKind as kind, :escalationPrefix || e.id as reference, e.manager_email as to_address,
                   :streamPrefix || e.campaign_id as stream, e.created_at as due_at
              from campaign_escalation e
             where e.created_at = :pass""";

    @Inject
    Database database;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Queues the reminders that are due; returns how many. */
    @Transactional
    int queueReminders() {
        Instant pass = pass();
        if (database.update(MARK_REMINDERS, marking(pass)) == 0) {
            return 0;
        }
        return outbox.enqueueSelect(QUEUE_REMINDERS, queueing(CampaignMessage.Reminder.SQL, pass));
    }

    /** Queues one summary per manager with overdue reports not yet escalated; returns how many summaries. */
    @Transactional
    int queueEscalations() {
        Instant pass = pass();
        if (database.update(MARK_ESCALATIONS, marking(pass)) == 0) {
            return 0;
        }
        database.update(RECORD_ESCALATIONS, Params.of("pass", pass));
        return outbox.enqueueSelect(QUEUE_ESCALATIONS, queueing(CampaignMessage.Escalation.SQL, pass));
    }

    /**
     * The pass's instant, which marks the rows it picks. In microseconds, as PostgreSQL stores it, so the rows
     * marked compare equal to it however each statement binds it.
     */
    private Instant pass() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Params marking(Instant pass) {
        return Params.of("pass", pass)
                .and("followingUp", CampaignStatus.FOLLOWING_UP)
                .and("sent", Recipient.DeliveryStatus.SENT);
    }

    private static Map<String, Object> queueing(Map<String, Object> message, Instant pass) {
        Map<String, Object> params = new HashMap<>(message);
        params.put("streamPrefix", CampaignStreams.PREFIX);
        params.put("pass", Timestamp.from(pass));
        return params;
    }
}
