package io.heed.delivery;

import io.agroal.api.AgroalDataSource;
import io.heed.delivery.smtp.SmtpConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
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
 */
@ApplicationScoped
class OutboxClaims {

    static final String LEASE_EXPIRED =
            "no outcome recorded before the lease expired (the dispatcher holding it stopped); sent again";

    @Inject
    AgroalDataSource dataSource;

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
    Claim claim() throws SQLException {
        Instant now = clock.instant();
        UUID token = UUID.randomUUID();
        List<QueuedMessage> claimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            releaseExpiredLeases(connection, now);
            int budget = config.batchSize();
            Pacing global = smtp.maxPerMinute().isPresent()
                    ? new Pacing(smtp.maxPerMinute().getAsInt(), burst())
                    : null;
            Pacing.Grant globalGrant = null;
            if (global != null) {
                // Claims serialise on this row while a global cap is set; one that finds it locked tries later.
                List<Instant> slot = Sql.query(
                        connection,
                        "select next_slot_at from outbox_pacing for update skip locked",
                        rs -> Sql.instant(rs, 1));
                if (slot.isEmpty()) {
                    return new Claim(token, List.of());
                }
                globalGrant = global.grant(now, slot.get(0), budget);
                budget = globalGrant.allowed();
            }
            for (Stream stream : budget > 0 ? lockStreamsWithDueMail(connection, now) : List.<Stream>of()) {
                if (budget == 0) {
                    break;
                }
                Pacing pacing = stream.ratePerMinute() == null ? null : new Pacing(stream.ratePerMinute(), burst());
                Pacing.Grant grant = pacing == null ? null : pacing.grant(now, stream.nextSlot(), budget);
                int wanted = grant == null ? budget : grant.allowed();
                if (wanted == 0) {
                    continue;
                }
                List<QueuedMessage> taken = claimFromStream(connection, stream.name(), wanted, now, token);
                budget -= taken.size();
                claimed.addAll(taken);
                Instant nextSlot =
                        grant == null || taken.isEmpty() ? stream.nextSlot() : pacing.after(grant, taken.size());
                Sql.update(
                        connection,
                        "update outbox_stream set last_claimed_at = ?, next_slot_at = ? where stream = ?",
                        Sql.at(now),
                        Sql.at(nextSlot),
                        stream.name());
            }
            if (global != null && !claimed.isEmpty()) {
                Sql.update(
                        connection,
                        "update outbox_pacing set next_slot_at = ?",
                        Sql.at(global.after(globalGrant, claimed.size())));
            }
        }
        return new Claim(token, claimed);
    }

    /**
     * SENDING rows whose lease passed: their dispatcher died between claim and outcome. They are due again at
     * once (the message may or may not have gone out: this is where the one-batch duplicate bound comes from),
     * or FAILED if they have used up their attempts.
     */
    private void releaseExpiredLeases(Connection connection, Instant now) throws SQLException {
        Sql.update(
                connection,
                """
                with expired as (
                    select id from outbox_message
                    where status = 'SENDING' and lease_until < ?
                    order by lease_until
                    limit ?
                    for update skip locked)
                update outbox_message m
                set status = case when m.attempts >= ? then 'FAILED' else 'PENDING' end,
                    failed_at = case when m.attempts >= ? then ? end,
                    next_attempt_at = ?, lease_until = null, claim_token = null, last_smtp_reply = ?
                from expired
                where m.id = expired.id""",
                Sql.at(now),
                config.batchSize(),
                config.maxAttempts(),
                config.maxAttempts(),
                Sql.at(now),
                Sql.at(now),
                LEASE_EXPIRED);
    }

    /** Streams that are not paused, have a free pacing slot and due mail; least recently served first. */
    private List<Stream> lockStreamsWithDueMail(Connection connection, Instant now) throws SQLException {
        return Sql.query(
                connection,
                """
                select s.stream, s.rate_per_minute, s.next_slot_at
                from outbox_stream s
                where not s.paused
                  and (s.rate_per_minute is null or s.next_slot_at is null or s.next_slot_at <= ?)
                  and exists (select 1 from outbox_message m
                              where m.stream = s.stream and m.status = 'PENDING' and m.next_attempt_at <= ?)
                order by s.last_claimed_at nulls first, s.stream
                for update of s skip locked""",
                rs -> new Stream(rs.getString(1), (Integer) rs.getObject(2), Sql.instant(rs, 3)),
                Sql.at(now),
                Sql.at(now));
    }

    private List<QueuedMessage> claimFromStream(
            Connection connection, String stream, int limit, Instant now, UUID token) throws SQLException {
        return Sql.query(
                connection,
                """
                with due as (
                    select id from outbox_message
                    where stream = ? and status = 'PENDING' and next_attempt_at <= ?
                    order by next_attempt_at, id
                    limit ?
                    for update skip locked)
                update outbox_message m
                set status = 'SENDING', attempts = m.attempts + 1, claimed_at = ?, lease_until = ?, claim_token = ?
                from due
                where m.id = due.id
                returning m.id, m.kind, m.reference, m.to_address, m.stream, m.message_id, m.attempts, m.test""",
                rs -> new QueuedMessage(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getBoolean(8)),
                stream,
                Sql.at(now),
                limit,
                Sql.at(now),
                Sql.at(now.plus(config.lease())),
                token);
    }

    /** A paced group may take up to two poll intervals of slots at once, so polling never slows a rate down. */
    private Duration burst() {
        return config.pollInterval().multipliedBy(2);
    }
}
