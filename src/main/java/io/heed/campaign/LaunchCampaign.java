package io.heed.campaign;

import io.agroal.api.AgroalDataSource;
import io.heed.audit.AuditLog;
import io.heed.delivery.Outbox;
import io.heed.platform.EmailAddresses;
import io.heed.platform.Json;
import io.heed.platform.error.Refusal;
import io.heed.playbook.PlaybookVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a campaign: pins the playbook version, snapshots the audience into recipients (one per employee,
 * never two) with each one's planned send time and deadline, and queues every invitation, all in the one
 * transaction that moves the campaign to SENDING. Set-based SQL: launching to a million employees is a few
 * statements, not a million round trips.
 */
@ApplicationScoped
public class LaunchCampaign {

    /** What a launch did. */
    public record Launched(long campaignId, int recipients) {}

    /** What adding late joiners did. */
    public record Added(int added, List<String> alreadyRecipients, List<String> notActiveEmployees) {}

    // The audience: active employees matching every given filter (or named in includeEmails), minus the
    // excluded. Planned time: the send time, moved to the recipient's local send time if one is set, plus their
    // share of the spread. Deadline: the end of the region's deadline day in the recipient's own time zone.
    private static final String SNAPSHOT = """
            insert into recipient (campaign_id, employee_id, email, name, region, department, country,
                                   manager_email, locale, time_zone, link_nonce, planned_at, deadline_at,
                                   added_late, created_at)
            select ?, e.id, e.email, e.name, e.region, e.department, e.country, e.manager_email, e.locale,
                   e.time_zone,
                   -- 244 random bits from the server's strong random source
                   uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()),
                   (case when ?::time is null then ?::timestamptz
                         else heed_next_local_time(?::timestamptz, ?::time, e.time_zone) end)
                     + make_interval(secs => coalesce(?::bigint, 0) * (e.position - 1)::float8 / e.audience_size),
                   ((coalesce(?::jsonb ->> e.region, ?::jsonb ->> '*')::date + 1)::timestamp at time zone e.time_zone),
                   ?, ?
              from (select e.*, row_number() over (order by e.id) as position, count(*) over () as audience_size
                      from employee e
                     where e.active
                       and (   (    (cardinality(?::text[]) = 0 or e.region = any(?::text[]))
                                and (cardinality(?::text[]) = 0 or e.department = any(?::text[]))
                                and (cardinality(?::text[]) = 0 or e.country = any(?::text[])))
                            or e.email_key = any(?::text[]))
                       and not (e.email_key = any(?::text[]))
                       and (cardinality(?::text[]) = 0 or e.email_key = any(?::text[]))) e
            on conflict (campaign_id, employee_id) do nothing""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Transactional
    public Launched launch(long campaignId, String actor) {
        Campaign campaign = entityManager.find(Campaign.class, campaignId, LockModeType.PESSIMISTIC_WRITE);
        if (campaign == null) {
            throw Refusal.notFound("No campaign " + campaignId + ".");
        }
        Instant now = clock.instant();
        PlaybookVersion pinned = PlaybookVersion.latest(campaign.playbookKey)
                .orElseThrow(() ->
                        Refusal.conflict("The campaign's playbook '" + campaign.playbookKey + "' no longer exists."));
        campaign.launch(pinned.id, now);
        Instant start = campaign.sendAt != null && campaign.sendAt.isAfter(now) ? campaign.sendAt : now;
        int recipients = snapshot(campaign, start, List.of(), false, now);
        outbox.configureStream(campaign.stream(), campaign.ratePerMinute);
        queueInvitations(campaign, now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("recipients", recipients);
        details.put("playbookVersion", pinned.version);
        auditLog.record(actor, "campaign.launch", "campaign:" + campaignId, details);
        return new Launched(campaignId, recipients);
    }

    /** Launches every scheduled campaign whose send time has come; safe on any number of replicas. */
    public int launchDue() {
        int launched = 0;
        Long next;
        while ((next = nextDue()) != null) {
            launch(next, "heed");
            launched++;
        }
        return launched;
    }

    @Transactional
    Long nextDue() {
        // SKIP LOCKED: a campaign another replica is launching right now is left to it.
        List<?> ids = entityManager
                .createNativeQuery("select id from campaign where status = 'SCHEDULED' and send_at <= ?1"
                        + " order by send_at limit 1 for update skip locked")
                .setParameter(1, clock.instant())
                .getResultList();
        return ids.isEmpty() ? null : ((Number) ids.get(0)).longValue();
    }

    /** Adds employees who joined after launch; their invitations go out now (or at their local send time). */
    @Transactional
    public Added addRecipients(long campaignId, List<String> emails, String actor) {
        Campaign campaign = entityManager.find(Campaign.class, campaignId, LockModeType.PESSIMISTIC_WRITE);
        if (campaign == null) {
            throw Refusal.notFound("No campaign " + campaignId + ".");
        }
        if (!campaign.status.isRunning()) {
            throw Campaign.illegalMove("add recipients to", campaign.status);
        }
        if (emails == null || emails.isEmpty()) {
            throw Refusal.invalid("emails: at least one address is required.");
        }
        List<String> keys = new ArrayList<>();
        for (String email : emails) {
            if (!EmailAddresses.isValid(email == null ? null : email.trim())) {
                throw Refusal.invalid("emails: '" + email + "' is not a valid e-mail address.");
            }
            keys.add(EmailAddresses.key(email));
        }
        List<String> already = entityManager
                .createQuery(
                        "select lower(r.email) from Recipient r where r.campaignId = ?1 and lower(r.email) in ?2",
                        String.class)
                .setParameter(1, campaignId)
                .setParameter(2, keys)
                .getResultList();
        List<String> active = entityManager
                .createQuery("select e.emailKey from Employee e where e.active and e.emailKey in ?1", String.class)
                .setParameter(1, keys)
                .getResultList();
        List<String> toAdd = keys.stream()
                .filter(active::contains)
                .filter(k -> !already.contains(k))
                .toList();
        Instant now = clock.instant();
        int added = toAdd.isEmpty() ? 0 : snapshot(campaign, now, toAdd, true, now);
        if (added > 0) {
            queueInvitations(campaign, now);
        }
        auditLog.record(actor, "campaign.add-recipients", "campaign:" + campaignId, Map.of("added", added));
        return new Added(
                added, already, keys.stream().filter(k -> !active.contains(k)).toList());
    }

    /**
     * Inserts the recipients; {@code only} limits the audience to those e-mail keys (late joiners). Every row
     * of one snapshot carries {@code batch} as its creation time, which is how its invitations are queued.
     */
    private int snapshot(Campaign campaign, Instant start, List<String> only, boolean late, Instant batch) {
        String deadlines = Json.write(campaign.deadlines);
        Audience a = campaign.audience;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(SNAPSHOT)) {
            int i = 1;
            insert.setLong(i++, campaign.id);
            setTime(insert, i++, campaign.localSendTime);
            insert.setTimestamp(i++, Timestamp.from(start));
            insert.setTimestamp(i++, Timestamp.from(start));
            setTime(insert, i++, campaign.localSendTime);
            if (campaign.spreadOverSeconds == null || late) {
                insert.setNull(i++, Types.BIGINT);
            } else {
                insert.setLong(i++, campaign.spreadOverSeconds);
            }
            insert.setString(i++, deadlines);
            insert.setString(i++, deadlines);
            insert.setBoolean(i++, late);
            insert.setTimestamp(i++, Timestamp.from(batch));
            i = setArrayTwice(connection, insert, i, a.regions());
            i = setArrayTwice(connection, insert, i, a.departments());
            i = setArrayTwice(connection, insert, i, a.countries());
            insert.setArray(i++, keys(connection, a.includeEmails()));
            insert.setArray(i++, keys(connection, a.excludeEmails()));
            setArrayTwice(connection, insert, i, only);
            return insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not snapshot the audience of campaign " + campaign.id, e);
        }
    }

    private void queueInvitations(Campaign campaign, Instant batch) {
        outbox.enqueueSelect(
                "select 'invitation' as kind, 'recipient:' || r.id as reference, r.email as to_address,"
                        + " :stream as stream, r.planned_at as due_at from recipient r"
                        + " where r.campaign_id = :campaign and r.created_at = :batch",
                Map.of("campaign", campaign.id, "stream", campaign.stream(), "batch", Timestamp.from(batch)));
    }

    private static void setTime(PreparedStatement statement, int index, java.time.LocalTime time) throws SQLException {
        if (time == null) {
            statement.setNull(index, Types.TIME);
        } else {
            statement.setString(index, time.toString());
        }
    }

    private static int setArrayTwice(Connection connection, PreparedStatement statement, int index, List<String> values)
            throws SQLException {
        Array array = connection.createArrayOf("text", values.toArray());
        statement.setArray(index, array);
        statement.setArray(index + 1, array);
        return index + 2;
    }

    private static Array keys(Connection connection, List<String> emails) throws SQLException {
        return connection.createArrayOf(
                "text", emails.stream().map(EmailAddresses::key).toArray());
    }
}
