package io.heed.delivery;

import io.heed.delivery.smtp.SmtpConfig;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The dispatcher's claim: in one short transaction, takes the due messages of one batch for this dispatcher
 * alone (SENDING, with a lease and a claim token), within the pacing of each stream and the global cap. Any
 * number of dispatchers claim side by side: {@code FOR UPDATE SKIP LOCKED} hands each row to one of them.
 *
 * <p>Every time is the application clock's, passed as {@code :now} (never SQL's {@code now()}), so leases,
 * pacing slots and due times are compared with one clock. The statuses in the SQL are the table's own
 * vocabulary, written as literals: each row-selecting one matches a partial index of V6 ({@code status =
 * 'PENDING'}: outbox_message_due, {@code 'SENDING'}: outbox_message_lease), which a parameter would keep a
 * generic plan from using.
 */
@ApplicationScoped
class OutboxClaims {

    static final String LEASE_EXPIRED =
            "no outcome recorded before the lease expired (the dispatcher holding it stopped); sent again";

    // Claims serialise on this row while a global cap is set; one that finds it locked tries later.
    private static final NamedSql LOCK_GLOBAL_SLOT =
            NamedSql.of("select next_slot_at from outbox_pacing for update skip locked");

    /**
     * SENDING rows whose lease passed: their dispatcher died between claim and outcome. They are due again at
     * once (the message may or may not have gone out: this is where the one-batch duplicate bound comes from),
     * or FAILED if they have used up their attempts (as {@code Dispatcher} fails a transient failure of the last
     * attempt, with the same {@code heed.delivery.max-attempts}).
     */
    private static final NamedSql RELEASE_EXPIRED_LEASES = NamedSql.of("""
            with expired as (
                select id from outbox_message
                where status = 'SENDING' and lease_until < :now
                order by lease_until
                limit :batchSize
                for update skip locked)
            update outbox_message m
            set status = case when m.attempts >= :maxAttempts then 'FAILED' else 'PENDING' end,
                failed_at = case when m.attempts >= :maxAttempts then :now end,
                next_attempt_at = :now, lease_until = null, claim_token = null, last_smtp_reply = :reply
            from expired
            where m.id = expired.id""");

    /** Streams that are not paused, have a free pacing slot and due mail; least recently served first. */
    private static final NamedSql LOCK_STREAMS_WITH_DUE_MAIL = NamedSql.of("""
            select s.stream, s.rate_per_minute, s.next_slot_at
            from outbox_stream s
            where not s.paused
              and (s.rate_per_minute is null or s.next_slot_at is null or s.next_slot_at <= :now)
              and exists (select 1 from outbox_message m
                          where m.stream = s.stream and m.status = 'PENDING' and m.next_attempt_at <= :now)
            order by s.last_claimed_at nulls first, s.stream
            for update of s skip locked""");

    private static final NamedSql CLAIM_FROM_STREAM = NamedSql.of("""
            with due as (
                select id from outbox_message
                where stream = :stream and status = 'PENDING' and next_attempt_at <= :now
                order by next_attempt_at, id
                limit :wanted
                for update skip locked)
            update outbox_message m
            set status = 'SENDING', attempts = m.attempts + 1, claimed_at = :now, lease_until = :leaseUntil,
                claim_token = :token
            from due
            where m.id = due.id
            returning m.id, m.kind, m.reference, m.to_address, m.stream, m.message_id, m.attempts, m.test""");

    private static final NamedSql MOVE_STREAM_SLOT = NamedSql.of(
            "update outbox_stream set last_claimed_at = :now, next_slot_at = :nextSlot where stream = :stream");

    private static final NamedSql MOVE_GLOBAL_SLOT = NamedSql.of("update outbox_pacing set next_slot_at = :nextSlot");

    @Inject
    Database database;

    @Inject
    DeliveryConfig config;

    @Inject
    SmtpConfig smtp;

    @Inject
    Clock clock;

    /** The messages claimed together, and the token that proves the claim when their outcomes are recorded. */
    record Claim(UUID token, List<QueuedMessage> messages) {
        boolean isEmpty() {
            return messages.isEmpty();
        }
    }

    private record Stream(String name, Integer ratePerMinute, Instant nextSlot) {}

    @Transactional
    Claim claim() {
        Instant now = clock.instant();
        UUID token = UUID.randomUUID();
        List<QueuedMessage> claimed = new ArrayList<>();
        releaseExpiredLeases(now);
        int budget = config.batchSize();
        Pacing global =
                smtp.maxPerMinute().isPresent() ? new Pacing(smtp.maxPerMinute().getAsInt(), burst()) : null;
        Pacing.Grant globalGrant = null;
        if (global != null) {
            // A list, not first(): the one row's slot is null until the cap is first used.
            List<Instant> slot = database.list(LOCK_GLOBAL_SLOT, Params.NONE, r -> r.instant("next_slot_at"));
            if (slot.isEmpty()) {
                return new Claim(token, List.of());
            }
            globalGrant = global.grant(now, slot.get(0), budget);
            budget = globalGrant.allowed();
        }
        for (Stream stream : budget > 0 ? lockStreamsWithDueMail(now) : List.<Stream>of()) {
            if (budget == 0) {
                break;
            }
            Pacing pacing = stream.ratePerMinute() == null ? null : new Pacing(stream.ratePerMinute(), burst());
            Pacing.Grant grant = pacing == null ? null : pacing.grant(now, stream.nextSlot(), budget);
            int wanted = grant == null ? budget : grant.allowed();
            if (wanted == 0) {
                continue;
            }
            List<QueuedMessage> taken = claimFromStream(stream.name(), wanted, now, token);
            budget -= taken.size();
            claimed.addAll(taken);
            Instant nextSlot = grant == null || taken.isEmpty() ? stream.nextSlot() : pacing.after(grant, taken.size());
            database.update(
                    MOVE_STREAM_SLOT,
                    Params.of("now", now).and("nextSlot", nextSlot).and("stream", stream.name()));
        }
        if (global != null && !claimed.isEmpty()) {
            database.update(MOVE_GLOBAL_SLOT, Params.of("nextSlot", global.after(globalGrant, claimed.size())));
        }
        return new Claim(token, claimed);
    }

    private void releaseExpiredLeases(Instant now) {
        database.update(
                RELEASE_EXPIRED_LEASES,
                Params.of("now", now)
                        .and("batchSize", config.batchSize())
                        .and("maxAttempts", config.maxAttempts())
                        .and("reply", LEASE_EXPIRED));
    }

    private List<Stream> lockStreamsWithDueMail(Instant now) {
        return database.list(
                LOCK_STREAMS_WITH_DUE_MAIL,
                Params.of("now", now),
                r -> new Stream(r.string("stream"), r.intOrNull("rate_per_minute"), r.instant("next_slot_at")));
    }

    private List<QueuedMessage> claimFromStream(String stream, int limit, Instant now, UUID token) {
        return database.list(
                CLAIM_FROM_STREAM,
                Params.of("stream", stream)
                        .and("now", now)
                        .and("wanted", limit)
                        .and("leaseUntil", now.plus(config.lease()))
                        .and("token", token),
                r -> new QueuedMessage(
                        r.getLong("id"),
                        r.string("kind"),
                        r.string("reference"),
                        r.string("to_address"),
                        r.string("stream"),
                        r.string("message_id"),
                        r.getInt("attempts"),
                        r.bool("test")));
    }

    /** A paced group may take up to two poll intervals of slots at once, so polling never slows a rate down. */
    private Duration burst() {
        return config.pollInterval().multipliedBy(2);
    }
}
