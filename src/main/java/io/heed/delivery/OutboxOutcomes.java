package io.heed.delivery;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes what became of a batch onto its outbox rows, and tells the messages' owners ({@link DeliveryListener})
 * of final states, in the same transaction.
 */
@ApplicationScoped
class OutboxOutcomes {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @Any
    Instance<DeliveryListener> listeners;

    @Inject
    Clock clock;

    /**
     * One row's new state.
     *
     * @param status PENDING (a retry at {@code nextAttemptAt}), SENT, FAILED or CANCELLED
     */
    record Change(
            QueuedMessage message,
            OutboxMessage.Status status,
            String reply,
            String contentSha256,
            Instant nextAttemptAt) {

        boolean isFinal() {
            return status != OutboxMessage.Status.PENDING;
        }
    }

    /**
     * Records the changes of the claim {@code token}; rows another dispatcher has claimed since (after this
     * claim's lease expired) are left alone. With {@code tellListeners}, final states are reported in the same
     * transaction; without, they wait for {@link #reportPending}.
     *
     * @return how many rows were still this claim's
     */
    @Transactional
    int record(UUID token, List<Change> changes, boolean tellListeners) throws SQLException {
        if (changes.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        int n = changes.size();
        Long[] ids = new Long[n];
        String[] statuses = new String[n];
        String[] replies = new String[n];
        String[] hashes = new String[n];
        String[] nextAttempts = new String[n];
        for (int i = 0; i < n; i++) {
            Change change = changes.get(i);
            ids[i] = change.message().id();
            statuses[i] = change.status().name();
            replies[i] = change.reply();
            hashes[i] = change.contentSha256();
            nextAttempts[i] = change.nextAttemptAt() == null
                    ? null
                    : change.nextAttemptAt().toString();
        }
        List<Long> recorded;
        try (Connection connection = dataSource.getConnection()) {
            Array idArray = connection.createArrayOf("bigint", ids);
            recorded = Sql.query(
                    connection,
                    """
                    update outbox_message m
                    set status = o.status,
                        next_attempt_at = coalesce(o.next_attempt_at, m.next_attempt_at),
                        lease_until = null,
                        claim_token = null,
                        last_smtp_reply = o.reply,
                        content_sha256 = coalesce(o.sha256, m.content_sha256),
                        sent_at = case when o.status = 'SENT' then ? end,
                        failed_at = case when o.status = 'FAILED' then ? end,
                        cancelled_at = case when o.status = 'CANCELLED' then ? end,
                        outcome_reported_at = case when o.status <> 'PENDING' and ? then ? end
                    from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                         as o(id, status, reply, sha256, next_attempt_at)
                    where m.id = o.id and m.claim_token = ? and m.status = 'SENDING'
                    returning m.id""",
                    rs -> rs.getLong(1),
                    Sql.at(now),
                    Sql.at(now),
                    Sql.at(now),
                    tellListeners,
                    Sql.at(now),
                    idArray,
                    connection.createArrayOf("text", statuses),
                    connection.createArrayOf("text", replies),
                    connection.createArrayOf("text", hashes),
                    connection.createArrayOf("text", nextAttempts),
                    token);
        }
        if (tellListeners) {
            java.util.Set<Long> mine = new java.util.HashSet<>(recorded);
            List<DeliveryOutcome> outcomes = new ArrayList<>();
            for (Change change : changes) {
                if (change.isFinal() && mine.contains(change.message().id())) {
                    outcomes.add(outcome(change, now));
                }
            }
            tell(outcomes);
        }
        return recorded.size();
    }

    /**
     * Reports final states no listener has heard of yet: cancelled streams, messages that failed when their
     * lease expired, and batches whose listener call failed. One batch of at most {@code limit}, oldest first.
     *
     * @return how many were reported
     */
    @Transactional
    int reportPending(int limit) throws SQLException {
        Instant now = clock.instant();
        List<DeliveryOutcome> outcomes;
        try (Connection connection = dataSource.getConnection()) {
            outcomes = Sql.query(
                    connection,
                    """
                    with pending as (
                        select id from outbox_message
                        where outcome_reported_at is null and status in ('SENT', 'FAILED', 'CANCELLED')
                        order by id
                        limit ?
                        for update skip locked)
                    update outbox_message m
                    set outcome_reported_at = ?
                    from pending
                    where m.id = pending.id
                    returning m.id, m.kind, m.reference, m.status, coalesce(m.sent_at, m.failed_at, m.cancelled_at),
                              m.attempts, m.last_smtp_reply, m.test""",
                    rs -> new DeliveryOutcome(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            DeliveryOutcome.Status.valueOf(rs.getString(4)),
                            Sql.instant(rs, 5),
                            rs.getInt(6),
                            rs.getString(7),
                            rs.getBoolean(8)),
                    limit,
                    Sql.at(now));
        }
        tell(outcomes);
        return outcomes.size();
    }

    private void tell(List<DeliveryOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        List<DeliveryOutcome> view = List.copyOf(outcomes);
        for (DeliveryListener listener : listeners) {
            listener.onOutcomes(view);
        }
    }

    private static DeliveryOutcome outcome(Change change, Instant at) {
        QueuedMessage message = change.message();
        return new DeliveryOutcome(
                message.id(),
                message.kind(),
                message.reference(),
                DeliveryOutcome.Status.valueOf(change.status().name()),
                at,
                message.attempt(),
                change.reply(),
                message.test());
    }
}
