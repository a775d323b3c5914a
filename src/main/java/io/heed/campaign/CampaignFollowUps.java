package io.heed.campaign;

import io.agroal.api.AgroalDataSource;
import io.heed.delivery.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Reminders and manager escalation, queued through the outbox like invitations. Both run once per cluster
 * ({@link CampaignFollowUpJobs}); each pass is one transaction of set-based statements, and a row it marks is
 * never picked again, so a pass that overlaps another or repeats after a crash queues nothing twice.
 */
@ApplicationScoped
public class CampaignFollowUps {

    // Recipients due a reminder: invitation delivered, not complete, fewer reminders than the campaign's
    // maximum, and the last invitation or reminder older than the interval. Only running, unpaused campaigns.
    private static final String MARK_REMINDERS = """
            update recipient r
               set reminders_sent = r.reminders_sent + 1, last_reminded_at = ?
              from campaign c
             where c.id = r.campaign_id
               and c.status in ('SENDING', 'ACTIVE')
               and c.reminder_every_days is not null
               and r.reminders_sent < c.reminder_max
               and r.delivery_status = 'SENT'
               and r.completed_at is null
               and coalesce(r.last_reminded_at, r.sent_at) <= ?::timestamptz - make_interval(days => c.reminder_every_days)""";

    private static final String QUEUE_REMINDERS = """
            select 'reminder' as kind, 'recipient:' || r.id || ':reminder:' || r.reminders_sent as reference,
                   r.email as to_address, 'campaign:' || r.campaign_id as stream,
                   case when c.local_send_time is null then r.last_reminded_at
                        else heed_next_local_time(r.last_reminded_at, c.local_send_time, r.time_zone) end as due_at
              from recipient r join campaign c on c.id = r.campaign_id
             where r.last_reminded_at = :pass""";

    // Recipients still open the given number of days after their invitation went out; their manager gets one
    // summary per campaign, the first time any of their reports is overdue in it.
    private static final String MARK_ESCALATIONS = """
            update recipient r
               set escalated_at = ?
              from campaign c
             where c.id = r.campaign_id
               and c.status in ('SENDING', 'ACTIVE')
               and c.escalate_after_days is not null
               and r.escalated_at is null
               and r.manager_email is not null
               and r.delivery_status = 'SENT'
               and r.completed_at is null
               and r.sent_at <= ?::timestamptz - make_interval(days => c.escalate_after_days)""";

    private static final String RECORD_ESCALATIONS = """
            insert into campaign_escalation (campaign_id, manager_email_key, manager_email, created_at)
            select distinct on (r.campaign_id, lower(r.manager_email)) r.campaign_id, lower(r.manager_email),
                   r.manager_email, ?
              from recipient r
             where r.escalated_at = ?
            on conflict (campaign_id, manager_email_key) do nothing""";

    private static final String QUEUE_ESCALATIONS = """
            select 'escalation' as kind, 'escalation:' || e.id as reference, e.manager_email as to_address,
                   'campaign:' || e.campaign_id as stream, e.created_at as due_at
              from campaign_escalation e
             where e.created_at = :pass""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Queues the reminders that are due; returns how many. */
    @Transactional
    public int queueReminders() {
        Instant pass = clock.instant();
        if (execute(MARK_REMINDERS, pass, pass) == 0) {
            return 0;
        }
        return outbox.enqueueSelect(QUEUE_REMINDERS, Map.of("pass", Timestamp.from(pass)));
    }

    /** Queues one summary per manager with overdue reports not yet escalated; returns how many summaries. */
    @Transactional
    public int queueEscalations() {
        Instant pass = clock.instant();
        if (execute(MARK_ESCALATIONS, pass, pass) == 0) {
            return 0;
        }
        execute(RECORD_ESCALATIONS, pass, pass);
        return outbox.enqueueSelect(QUEUE_ESCALATIONS, Map.of("pass", Timestamp.from(pass)));
    }

    private int execute(String sql, Instant... timestamps) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < timestamps.length; i++) {
                statement.setTimestamp(i + 1, Timestamp.from(timestamps[i]));
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Follow-up pass failed", e);
        }
    }
}
