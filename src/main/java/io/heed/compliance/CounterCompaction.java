package io.heed.compliance;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Folds the counters' pending deltas into their totals ({@code compact_compliance_counts}, V9), once per cluster
 * every {@code heed.compliance.counters.compact-every}. Readers are exact without it; it keeps the number of
 * deltas a dashboard sums small.
 */
@ApplicationScoped
public class CounterCompaction {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ComplianceConfig config;

    @Scheduled(
            identity = "compliance-counter-compaction",
            every = "${heed.compliance.counters.compact-every:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        compact();
    }

    /** Folds every pending delta now (in batches); returns how many. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public long compact() {
        long total = 0;
        long folded;
        do {
            folded = compactOnce();
            total += folded;
        } while (folded >= config.counters().compactBatch());
        return total;
    }

    private long compactOnce() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select compact_compliance_counts(?)")) {
            statement.setInt(1, config.counters().compactBatch());
            try (ResultSet r = statement.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not compact the compliance counters", e);
        }
    }
}
