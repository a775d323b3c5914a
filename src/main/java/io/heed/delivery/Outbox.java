package io.heed.delivery;

import io.heed.delivery.smtp.MailIdentity;
import io.heed.platform.EmailAddresses;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The queue of outgoing mail. Every method joins the caller's transaction: a message is queued if and only if
 * the change that wants it commits (e.g. a campaign's launch and its million invitations). The dispatcher sends
 * what is due; delivery outcomes come back through {@link DeliveryListener}.
 *
 * <p>Named SQL on the caller's transaction ({@link Database}), after flushing the caller's pending entity changes
 * ({@link #flushCallersChanges}): an {@link #enqueueSelect} can select rows the same transaction just persisted.
 */
@ApplicationScoped
public class Outbox {

    /** Parameter names this class adds to an {@link #enqueueSelect} statement; the caller's must differ. */
    private static final String NOW = "outboxNow";

    private static final String DOMAIN = "outboxMessageIdDomain";

    private static final NamedSql ENQUEUE = NamedSql.of("""
            with stream as (
                insert into outbox_stream (stream, updated_at) values (:stream, :now)
                on conflict do nothing)
            insert into outbox_message (kind, reference, to_address, stream, test, message_id,
                                        due_at, next_attempt_at, created_at)
            values (:kind, :reference, :to, :stream, :test, :messageId, :due, :due, :now)
            returning id""");

    /**
     * Wraps the caller's select ({@code %3$s}); {@code %1$s} and {@code %2$s} are {@link #NOW} and {@link #DOMAIN}.
     * to_jsonb(q) reads the optional test column without failing when the query does not yield it.
     */
    private static final String ENQUEUE_SELECT = """
            with queued as (
                insert into outbox_message (kind, reference, to_address, stream, test, message_id,
                                            due_at, next_attempt_at, created_at)
                select q.kind, q.reference, q.to_address, q.stream,
                       coalesce(cast(to_jsonb(q) ->> 'test' as boolean), false),
                       '<' || gen_random_uuid() || '@' || :%2$s || '>',
                       coalesce(q.due_at, :%1$s), coalesce(q.due_at, :%1$s), :%1$s
                from (%3$s) as q
                returning stream),
            streams as (
                insert into outbox_stream (stream, updated_at)
                select distinct stream, cast(:%1$s as timestamptz) from queued
                on conflict do nothing)
            select count(*) from queued""";

    private static final NamedSql CONFIGURE_STREAM = NamedSql.of("""
            insert into outbox_stream (stream, rate_per_minute, updated_at) values (:stream, :rate, :now)
            on conflict (stream) do update
                set rate_per_minute = excluded.rate_per_minute, updated_at = excluded.updated_at""");

    private static final NamedSql PAUSE_STREAM = NamedSql.of("""
            insert into outbox_stream (stream, paused, updated_at) values (:stream, :paused, :now)
            on conflict (stream) do update set paused = excluded.paused, updated_at = excluded.updated_at""");

    // The statuses are the table's own vocabulary (PENDING -> CANCELLED, OutboxMessage.Status); 'PENDING' also
    // matches the partial index outbox_message_due.
    private static final NamedSql CANCEL_STREAM = NamedSql.of("""
            update outbox_message
            set status = 'CANCELLED', cancelled_at = :now, last_smtp_reply = 'stream cancelled'
            where stream = :stream and status = 'PENDING'""");

    @Inject
    Database database;

    @Inject
    EntityManager entityManager;

    @Inject
    Clock clock;

    @Inject
    MailIdentity identity;

    /**
     * Queues one message and returns its id.
     *
     * @throws IllegalArgumentException if a field is missing or the address is not one Heed accepts
     */
    @Transactional(TxType.MANDATORY)
    public long enqueue(NewMessage message) {
        check(message);
        Instant now = clock.instant();
        Instant due = message.dueAt() == null ? now : message.dueAt();
        flushCallersChanges();
        return database.number(
                ENQUEUE,
                Params.of("stream", message.stream())
                        .and("now", now)
                        .and("kind", message.kind())
                        .and("reference", message.reference())
                        .and("to", message.toAddress().trim())
                        .and("test", message.test())
                        .and("messageId", identity.newMessageId())
                        .and("due", due));
    }

    /**
     * Queues one message per row of {@code selectSql}, in one statement. The query must yield the columns
     * {@code kind}, {@code reference}, {@code to_address}, {@code stream} (text) and {@code due_at} (timestamptz;
     * null: now), and may yield {@code test} (boolean; default false). It may use named parameters
     * ({@code :name}) given in {@code params}. Addresses are taken as given: select them from checked data
     * (the directory only holds valid ones). The query sees what the caller's transaction has written, entities
     * it persisted included.
     *
     * @return the number of messages queued
     */
    @Transactional(TxType.MANDATORY)
    public int enqueueSelect(String selectSql, Map<String, Object> params) {
        if (params.containsKey(NOW) || params.containsKey(DOMAIN)) {
            throw new IllegalArgumentException("Parameter names " + NOW + " and " + DOMAIN + " are reserved");
        }
        NamedSql sql = NamedSql.of(ENQUEUE_SELECT.formatted(NOW, DOMAIN, selectSql));
        flushCallersChanges();
        return (int) database.number(
                sql, Params.of(params).and(NOW, clock.instant()).and(DOMAIN, identity.messageIdDomain()));
    }

    /** Creates or updates a stream's pacing: {@code ratePerMinute} messages a minute at most; null: no own cap. */
    @Transactional(TxType.REQUIRED)
    public void configureStream(String stream, Integer ratePerMinute) {
        requireText("stream", stream);
        if (ratePerMinute != null && ratePerMinute < 1) {
            throw new IllegalArgumentException("ratePerMinute must be at least 1, or null for no cap");
        }
        flushCallersChanges();
        database.update(
                CONFIGURE_STREAM,
                Params.of("stream", stream).and("rate", ratePerMinute).and("now", clock.instant()));
    }

    /**
     * Stops the dispatchers claiming the stream's messages. Messages already claimed (at most one batch per
     * replica) are still sent.
     */
    @Transactional(TxType.REQUIRED)
    public void pauseStream(String stream) {
        setPaused(stream, true);
    }

    @Transactional(TxType.REQUIRED)
    public void resumeStream(String stream) {
        setPaused(stream, false);
    }

    /**
     * Cancels the stream's PENDING messages and returns how many. Messages being sent at that moment are not
     * stopped. Listeners are told by the dispatcher, in batches, shortly after this transaction commits.
     */
    @Transactional(TxType.MANDATORY)
    public int cancelStream(String stream) {
        requireText("stream", stream);
        flushCallersChanges();
        return database.update(CANCEL_STREAM, Params.of("stream", stream).and("now", clock.instant()));
    }

    private void setPaused(String stream, boolean paused) {
        requireText("stream", stream);
        flushCallersChanges();
        database.update(
                PAUSE_STREAM, Params.of("stream", stream).and("paused", paused).and("now", clock.instant()));
    }

    /**
     * Writes the caller's pending entity changes first, as Hibernate did before its own native queries: the SQL
     * here runs on the same transaction but past Hibernate, and must see (and be ordered after) what the caller
     * has persisted. Every public method runs in a transaction (MANDATORY or REQUIRED), so there is one to flush.
     */
    private void flushCallersChanges() {
        entityManager.flush();
    }

    private static void check(NewMessage message) {
        if (message == null) {
            throw new IllegalArgumentException("message is required");
        }
        requireText("kind", message.kind());
        requireText("reference", message.reference());
        requireText("stream", message.stream());
        if (message.toAddress() == null
                || !EmailAddresses.isValid(message.toAddress().trim())) {
            throw new IllegalArgumentException("toAddress is not a valid e-mail address: " + message.toAddress());
        }
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
