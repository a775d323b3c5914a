package io.heed.acknowledgement;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The visit log ({@code page_visit}) and the recipients' first-visit times ({@code recipient.first_visit_at},
 * {@code first_human_visit_at}), written in batches: a page view queues its visit in memory and returns; every
 * {@code heed.acknowledgement.visits.flush-every} (and at shutdown) the queue is written in one statement, which
 * also sets the first-visit times of the recipients it sees for the first time. A page view therefore writes
 * nothing itself. What a crash (or {@code kill -9}) loses is the visits of the last interval (and their first-visit
 * times), and under overload the visits beyond {@code max-queued}: visits are context for auditors, never
 * acknowledgements.
 */
@ApplicationScoped
public class VisitLog {

    private static final Logger LOG = Logger.getLogger(VisitLog.class);
    private static final int BATCH = 5_000;

    // One statement per batch: append the visits, then note on each recipient seen for the first time (or
    // first looking human) the earliest such visit of the batch. Recipient rows are locked in id order, so two
    // replicas flushing overlapping batches wait for each other instead of deadlocking.
    private static final String APPEND = """
            with visit as (
                insert into page_visit (recipient_id, campaign_id, visited_at, method, possibly_automated,
                                        automation_signals, client_address_hash, user_agent)
                select * from unnest(?::bigint[], ?::bigint[], ?::timestamptz[], ?::text[], ?::boolean[],
                                     ?::text[], ?::text[], ?::text[])
                returning recipient_id, visited_at, possibly_automated
            ), earliest as (
                select recipient_id, min(visited_at) as visit_at,
                       min(visited_at) filter (where not possibly_automated) as human_visit_at
                  from visit group by recipient_id
            ), firsts as (
                select r.id, e.visit_at, e.human_visit_at
                  from recipient r join earliest e on e.recipient_id = r.id
                 where r.first_visit_at is null or (r.first_human_visit_at is null and e.human_visit_at is not null)
                 order by r.id
                   for no key update of r
            )
            update recipient r
               set first_visit_at = coalesce(r.first_visit_at, f.visit_at),
                   first_human_visit_at = coalesce(r.first_human_visit_at, f.human_visit_at)
              from firsts f
             where r.id = f.id""";

    /** One visit, as queued. */
    record Visit(
            long recipientId,
            long campaignId,
            Instant at,
            String method,
            String automationSignals,
            String clientAddressHash,
            String userAgent) {}

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AcknowledgementConfig config;

    private final AtomicLong dropped = new AtomicLong();
    private volatile BlockingQueue<Visit> queue;

    void append(Visit visit) {
        if (!queue().offer(visit)) {
            dropped.incrementAndGet();
        }
    }

    // Every replica flushes its own queue: the in-memory scheduler, not Quartz's once-per-cluster one.
    @Scheduled(
            executeWith = Scheduled.SIMPLE,
            every = "${heed.acknowledgement.visits.flush-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledFlush() {
        flush();
    }

    /** Writes every queued visit now; returns how many. Called on schedule, at shutdown, and by tests. */
    public synchronized int flush() {
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            LOG.warnf("Visit log queue full: %d page visits were not recorded", lost);
        }
        int written = 0;
        List<Visit> batch = new ArrayList<>();
        while (queue().drainTo(batch, BATCH) > 0) {
            write(batch);
            written += batch.size();
            batch.clear();
        }
        return written;
    }

    void onStop(@Observes ShutdownEvent event) {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("Could not write the last page visits at shutdown", e);
        }
    }

    private void write(List<Visit> batch) {
        int n = batch.size();
        Object[] recipients = new Object[n];
        Object[] campaigns = new Object[n];
        Object[] times = new Object[n];
        Object[] methods = new Object[n];
        Object[] automated = new Object[n];
        Object[] signals = new Object[n];
        Object[] addresses = new Object[n];
        Object[] agents = new Object[n];
        for (int i = 0; i < n; i++) {
            Visit v = batch.get(i);
            recipients[i] = v.recipientId();
            campaigns[i] = v.campaignId();
            times[i] = Timestamp.from(v.at());
            methods[i] = v.method();
            automated[i] = v.automationSignals() != null;
            signals[i] = v.automationSignals();
            addresses[i] = v.clientAddressHash();
            agents[i] = v.userAgent();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(APPEND)) {
            insert.setArray(1, connection.createArrayOf("bigint", recipients));
            insert.setArray(2, connection.createArrayOf("bigint", campaigns));
            insert.setArray(3, connection.createArrayOf("timestamptz", times));
            insert.setArray(4, connection.createArrayOf("text", methods));
            insert.setArray(5, connection.createArrayOf("boolean", automated));
            insert.setArray(6, connection.createArrayOf("text", signals));
            insert.setArray(7, connection.createArrayOf("text", addresses));
            insert.setArray(8, connection.createArrayOf("text", agents));
            insert.executeUpdate();
        } catch (SQLException e) {
            // A failed batch is lost rather than retried forever: visits are not evidence.
            LOG.warnf("Could not write %d page visits: %s", n, e.getMessage());
        }
    }

    private BlockingQueue<Visit> queue() {
        if (queue == null) {
            synchronized (this) {
                if (queue == null) {
                    queue = new ArrayBlockingQueue<>(config.visits().maxQueued());
                }
            }
        }
        return queue;
    }
}
