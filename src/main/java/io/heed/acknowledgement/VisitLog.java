package io.heed.acknowledgement;

import io.heed.campaign.RecordRecipientProgress;
import io.heed.platform.database.Database;
import io.heed.platform.database.DatabaseException;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.heed.platform.database.SqlArray;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The visit log ({@code page_visit}) and, through campaign's {@link RecordRecipientProgress}, the recipients'
 * first-visit times, written in batches: a page view queues its visit in memory and returns; every
 * {@code heed.acknowledgement.visits.flush-every} (and at shutdown) the queue is written, one transaction per
 * batch of up to 5,000 visits: one statement appends the visits, one sets the first-visit times of the recipients
 * the batch sees for the first time. A page view therefore writes nothing itself. What a crash (or {@code kill -9})
 * loses is the visits of the last interval (and their first-visit times), and under overload the visits beyond
 * {@code max-queued}: visits are context for auditors, never acknowledgements.
 */
@ApplicationScoped
public class VisitLog {

    private static final Logger LOG = Logger.getLogger(VisitLog.class);
    private static final int BATCH = 5_000;

    private static final NamedSql APPEND = NamedSql.of("""
            insert into page_visit (recipient_id, campaign_id, visited_at, method, possibly_automated,
                                    automation_signals, client_address_hash, user_agent)
            select * from unnest(:recipients::bigint[], :campaigns::bigint[], :at::timestamptz[], :methods::text[],
                                 :automated::boolean[], :signals::text[], :addresses::text[], :agents::text[])""");

    /** One visit, as queued; {@code automationSignals} null when it looked human. */
    record Visit(
            long recipientId,
            long campaignId,
            Instant at,
            String method,
            String automationSignals,
            String clientAddressHash,
            String userAgent) {

        boolean possiblyAutomated() {
            return automationSignals != null;
        }
    }

    @Inject
    Database database;

    @Inject
    RecordRecipientProgress recipientProgress;

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
        List<Long> recipients = new ArrayList<>(n);
        List<Long> campaigns = new ArrayList<>(n);
        List<Instant> times = new ArrayList<>(n);
        List<String> methods = new ArrayList<>(n);
        List<Boolean> automated = new ArrayList<>(n);
        List<String> signals = new ArrayList<>(n);
        List<String> addresses = new ArrayList<>(n);
        List<String> agents = new ArrayList<>(n);
        List<RecordRecipientProgress.Visit> progress = new ArrayList<>(n);
        for (Visit v : batch) {
            recipients.add(v.recipientId());
            campaigns.add(v.campaignId());
            times.add(v.at());
            methods.add(v.method());
            automated.add(v.possiblyAutomated());
            signals.add(v.automationSignals());
            addresses.add(v.clientAddressHash());
            agents.add(v.userAgent());
            progress.add(new RecordRecipientProgress.Visit(v.recipientId(), v.at(), v.possiblyAutomated()));
        }
        Params params = Params.of("recipients", SqlArray.of("bigint", recipients))
                .and("campaigns", SqlArray.of("bigint", campaigns))
                .and("at", SqlArray.of("timestamptz", times))
                .and("methods", SqlArray.of("text", methods))
                .and("automated", SqlArray.of("boolean", automated))
                .and("signals", SqlArray.of("text", signals))
                .and("addresses", SqlArray.of("text", addresses))
                .and("agents", SqlArray.of("text", agents));
        try {
            // The visits and the first-visit times they cause commit together.
            QuarkusTransaction.requiringNew().run(() -> {
                database.update(APPEND, params);
                recipientProgress.firstVisits(progress);
            });
        } catch (DatabaseException | QuarkusTransactionException e) {
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
