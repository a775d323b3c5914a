package io.heed.compliance;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Read-only work on one consistent snapshot of the database (REPEATABLE READ): a report's counts and the rows
 * whose hash it states are read from the same snapshot, so they agree even while answers keep arriving. Runs
 * outside any JTA transaction of the caller (which is suspended), on a connection of its own.
 */
@ApplicationScoped
public class ReadSnapshots {

    /** Work on the snapshot's connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException, java.io.IOException;
    }

    @Inject
    AgroalDataSource dataSource;

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public <T> T read(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | java.io.IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setReadOnly(false);
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read compliance data", e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
