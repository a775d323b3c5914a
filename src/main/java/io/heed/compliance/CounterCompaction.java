package io.heed.compliance;

import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Folds the counters' pending deltas into their totals ({@code compact_compliance_counts}, V9), once per cluster
 * every {@code heed.compliance.counters.compact-every}. Readers are exact without it; it keeps the number of
 * deltas a dashboard sums small.
 */
@ApplicationScoped
class CounterCompaction {

    // Deletes up to :batch deltas and adds them into compliance_count in one statement (V9); returns how many.
    private static final NamedSql COMPACT = NamedSql.of("select compact_compliance_counts(:batch)");

    @Inject
    Database database;

    @Inject
    CountersConfig config;

    @Scheduled(
            identity = "compliance-counter-compaction",
            every = "${heed.compliance.counters.compact-every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        compact();
    }

    /** Folds every pending delta now (in batches); returns how many. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    long compact() {
        long total = 0;
        long folded;
        do {
            folded = compactOnce();
            total += folded;
        } while (folded >= config.compactBatch());
        return total;
    }

    private long compactOnce() {
        Params batch = Params.of("batch", config.compactBatch());
        return database.run("compact the compliance counters", sql -> sql.number(COMPACT, batch));
    }
}
