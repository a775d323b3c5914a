package io.heed.campaign;

import io.heed.audit.AuditLog;
import io.heed.delivery.Outbox;
import io.heed.platform.EmailAddresses;
import io.heed.platform.Json;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.heed.platform.database.SqlArray;
import io.heed.platform.error.Refusal;
import io.heed.playbook.PlaybookCatalogue;
import io.heed.playbook.PlaybookVersion;
import io.heed.security.LinkTokens;
import io.heed.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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

    /**
     * Who a campaign's audience is, on employee {@code e}: active employees matching every non-empty filter
     * ({@code :regions}, {@code :departments}, {@code :countries}) or named in {@code :include}, never those in
     * {@code :exclude}. The launch snapshot and the late-joiner count both use it.
     */
    private static final String AUDIENCE = """
            e.active
               and (   (    (cardinality(:regions::text[]) = 0 or e.region = any(:regions::text[]))
                        and (cardinality(:departments::text[]) = 0 or e.department = any(:departments::text[]))
                        and (cardinality(:countries::text[]) = 0 or e.country = any(:countries::text[])))
                    or e.email_key = any(:include::text[]))
               and not (e.email_key = any(:exclude::text[]))""";

    private static final NamedSql SNAPSHOT = NamedSql.of(
            NamedSql.load(LaunchCampaign.class, "snapshot-audience.sql").text().replace("/*audience*/", AUDIENCE));

    // Employees of the audience who are not recipients yet (joined, or moved into it, since launch), within the
    // reader's regions.
    private static final String LATE_JOINERS_FROM = """
              from employee e
             where""" + " " + AUDIENCE + """

               and (:unrestricted or e.region = any(:scopeRegions))
               and not exists (select 1 from recipient r where r.campaign_id = :campaign and r.employee_id = e.id)""";

    private static final NamedSql COUNT_LATE_JOINERS = NamedSql.of("select count(*)" + LATE_JOINERS_FROM);

    private static final NamedSql LATE_JOINER_KEYS =
            NamedSql.of("select e.email_key" + LATE_JOINERS_FROM + " order by e.id limit :limit");

    /** At most this many late joiners are added by one {@link #addLateJoiners}. */
    public static final int LATE_JOINERS_AT_ONCE = 10_000;

    // SKIP LOCKED: a campaign another replica is launching right now is left to it.
    private static final NamedSql NEXT_DUE = NamedSql.of("""
            select id from campaign where status = :scheduled and send_at <= :now
             order by send_at limit 1 for update skip locked""");

    // One invitation per recipient of one snapshot, due at the recipient's planned time.
    private static final String QUEUE_INVITATIONS = """
            select :invitationKind as kind, :invitationPrefix || r.id as reference, r.email as to_address,
                   :stream as stream, r.planned_at as due_at
              from recipient r
             where r.campaign_id = :campaign and r.created_at = :batch""";

    @Inject
    Database database;

    @Inject
    EntityManager entityManager;

    @Inject
    PlaybookCatalogue playbooks;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Transactional
    public Launched launch(long campaignId, String actor) {
        Campaign campaign = Campaign.locked(campaignId);
        Instant now = clock.instant();
        PlaybookVersion pinned = playbooks
                .latest(campaign.playbookKey)
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
        auditLog.record(actor, "campaign.launch", Campaign.auditTarget(campaignId), details);
        return new Launched(campaignId, recipients);
    }

    /** Launches every scheduled campaign whose send time has come; safe on any number of replicas. */
    int launchDue() {
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
        return database.first(
                        NEXT_DUE,
                        Params.of("scheduled", CampaignStatus.SCHEDULED).and("now", clock.instant()),
                        row -> row.getLong("id"))
                .orElse(null);
    }

    /** Adds employees who joined after launch; their invitations go out now (or at their local send time). */
    @Transactional
    public Added addRecipients(long campaignId, List<String> emails, String actor) {
        Campaign campaign = Campaign.locked(campaignId);
        if (!campaign.running()) {
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
        auditLog.record(actor, "campaign.add-recipients", Campaign.auditTarget(campaignId), Map.of("added", added));
        return new Added(
                added, already, keys.stream().filter(k -> !active.contains(k)).toList());
    }

    /** How many employees of the campaign's audience, within {@code scope}, are not recipients (0 before launch). */
    public long lateJoiners(long campaignId, RegionScope scope) {
        Campaign campaign = Campaign.require(campaignId);
        if (!campaign.running()) {
            return 0;
        }
        return database.number(COUNT_LATE_JOINERS, lateJoinerParams(campaign, scope));
    }

    /**
     * Adds the audience's late joiners (up to {@link #LATE_JOINERS_AT_ONCE}) through {@link #addRecipients},
     * which audits it.
     */
    @Transactional
    public Added addLateJoiners(long campaignId, String actor) {
        Campaign campaign = Campaign.locked(campaignId);
        if (!campaign.running()) {
            throw Campaign.illegalMove("add recipients to", campaign.status);
        }
        List<String> keys = database.list(
                LATE_JOINER_KEYS,
                lateJoinerParams(campaign, RegionScope.ALL).and("limit", LATE_JOINERS_AT_ONCE),
                row -> row.string("email_key"));
        if (keys.isEmpty()) {
            return new Added(0, List.of(), List.of());
        }
        return addRecipients(campaignId, keys, actor);
    }

    private static Params lateJoinerParams(Campaign campaign, RegionScope scope) {
        Audience a = campaign.audience;
        return Params.of("campaign", campaign.id)
                .and("regions", SqlArray.of("text", a.regions()))
                .and("departments", SqlArray.of("text", a.departments()))
                .and("countries", SqlArray.of("text", a.countries()))
                .and("include", keys(a.includeEmails()))
                .and("exclude", keys(a.excludeEmails()))
                .and("unrestricted", scope.unrestricted())
                .and("scopeRegions", SqlArray.of("text", List.copyOf(scope.regions())));
    }

    /**
     * Inserts the recipients; {@code only} limits the audience to those e-mail keys (late joiners). Every row
     * of one snapshot carries {@code batch} as its creation time, which is how its invitations are queued.
     */
    private int snapshot(Campaign campaign, Instant start, List<String> only, boolean late, Instant batch) {
        Audience a = campaign.audience;
        Params params = Params.of("campaign", campaign.id)
                .and("nonceBytes", LinkTokens.NONCE_BYTES)
                .and("start", start)
                .and("localSendTime", campaign.localSendTime == null ? null : campaign.localSendTime.toString())
                .and("spreadSeconds", late ? null : campaign.spreadOverSeconds)
                .and("deadlines", Json.write(campaign.deadlines))
                .and("wildcardRegion", Campaign.WILDCARD_REGION)
                .and("late", late)
                .and("batch", batch)
                .and("regions", SqlArray.of("text", a.regions()))
                .and("departments", SqlArray.of("text", a.departments()))
                .and("countries", SqlArray.of("text", a.countries()))
                .and("include", keys(a.includeEmails()))
                .and("exclude", keys(a.excludeEmails()))
                .and("only", SqlArray.of("text", only));
        return database.run("snapshot the audience of campaign " + campaign.id, sql -> sql.update(SNAPSHOT, params));
    }

    private void queueInvitations(Campaign campaign, Instant batch) {
        Map<String, Object> params = new HashMap<>(CampaignMessage.Invitation.SQL);
        params.put("campaign", campaign.id);
        params.put("stream", campaign.stream());
        params.put("batch", Timestamp.from(batch));
        outbox.enqueueSelect(QUEUE_INVITATIONS, params);
    }

    private static SqlArray keys(List<String> emails) {
        return SqlArray.of("text", emails.stream().map(EmailAddresses::key).toList());
    }
}
