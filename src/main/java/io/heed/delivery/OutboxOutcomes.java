package io.heed.delivery;

import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.heed.platform.database.SqlArray;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes what became of a batch onto its outbox rows, and tells the messages' owners ({@link DeliveryListener})
 * of final states, in the same transaction.
 */
@ApplicationScoped
class OutboxOutcomes {

    /**
     * One row per change, from arrays: Java decides each row's status and whether its owner is told now
     * ({@code o.reported}); each final status stamps its own time column. Rows another claim has taken since
     * (the claim token no longer matches) are left alone.
     */
    private static final NamedSql RECORD = NamedSql.of("""
            update outbox_message m
            set status = o.status,
                next_attempt_at = coalesce(o.next_attempt_at, m.next_attempt_at),
                lease_until = null,
                claim_token = null,
                last_smtp_reply = o.reply,
                content_sha256 = coalesce(o.sha256, m.content_sha256),
                sent_at = case when o.status = 'SENT' then :now end,
                failed_at = case when o.status = 'FAILED' then :now end,
                cancelled_at = case when o.status = 'CANCELLED' then :now end,
                outcome_reported_at = case when o.reported then :now end
            from unnest(:ids, :statuses, :replies, :hashes, :nextAttempts, :reported)
                 as o(id, status, reply, sha256, next_attempt_at, reported)
            where m.id = o.id and m.claim_token = :token and m.status = 'SENDING'
            returning m.id""");

    /**
     * Final states no owner has heard of. The status list is the one of the partial index it reads
     * (outbox_message_unreported), written alike so that every plan can use it.
     */
    private static final NamedSql REPORT_PENDING = NamedSql.of("""
            with pending as (
                select id from outbox_message
                where outcome_reported_at is null and status in ('SENT', 'FAILED', 'CANCELLED')
                order by id
                limit :limit
                for update skip locked)
            update outbox_message m
            set outcome_reported_at = :now
            from pending
            where m.id = pending.id
            returning m.id, m.kind, m.reference, m.status, coalesce(m.sent_at, m.failed_at, m.cancelled_at) as at,
                      m.attempts, m.last_smtp_reply, m.test""");

    @Inject
    Database database;

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
    int record(UUID token, List<Change> changes, boolean tellListeners) {
        if (changes.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        int n = changes.size();
        List<Long> ids = new ArrayList<>(n);
        List<OutboxMessage.Status> statuses = new ArrayList<>(n);
        List<String> replies = new ArrayList<>(n);
        List<String> hashes = new ArrayList<>(n);
        List<Instant> nextAttempts = new ArrayList<>(n);
        List<Boolean> reported = new ArrayList<>(n);
        for (Change change : changes) {
            ids.add(change.message().id());
            statuses.add(change.status());
            replies.add(change.reply());
            hashes.add(change.contentSha256());
            nextAttempts.add(change.nextAttemptAt());
            reported.add(tellListeners && change.isFinal());
        }
        List<Long> recorded = database.list(
                RECORD,
                Params.of("now", now)
                        .and("ids", SqlArray.of("bigint", ids))
                        .and("statuses", SqlArray.of("text", statuses))
                        .and("replies", SqlArray.of("text", replies))
                        .and("hashes", SqlArray.of("text", hashes))
                        .and("nextAttempts", SqlArray.of("timestamptz", nextAttempts))
                        .and("reported", SqlArray.of("boolean", reported))
                        .and("token", token),
                r -> r.getLong("id"));
        if (tellListeners) {
            Set<Long> mine = new HashSet<>(recorded);
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
    int reportPending(int limit) {
        List<DeliveryOutcome> outcomes = database.list(
                REPORT_PENDING,
                Params.of("limit", limit).and("now", clock.instant()),
                r -> new DeliveryOutcome(
                        r.getLong("id"),
                        r.string("kind"),
                        r.string("reference"),
                        r.enumOf(DeliveryOutcome.Status.class, "status"),
                        r.instant("at"),
                        r.getInt("attempts"),
                        r.string("last_smtp_reply"),
                        r.bool("test")));
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
