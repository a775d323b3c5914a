package io.heed.platform.database;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Runs named SQL ({@link NamedSql}) on PostgreSQL. Inside a JTA transaction the work joins it (the connection is
 * the transaction's, so it commits or rolls back with it); outside one it runs on its own auto-committing
 * connection. Entities changed in the persistence context are not flushed first: a statement that must see them
 * runs after {@code EntityManager.flush()}. Every {@link SQLException} comes out as one
 * {@link DatabaseException}.
 */
@ApplicationScoped
public class Database {

    @Inject
    AgroalDataSource dataSource;

    public <T> T run(String what, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(new Sql(connection));
        } catch (SQLException e) {
            throw DatabaseException.of(what, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int update(NamedSql sql, Params params) {
        return run("run " + firstLine(sql), s -> s.update(sql, params));
    }

    public <T> List<T> list(NamedSql sql, Params params, RowMapper<T> mapper) {
        return run("read " + firstLine(sql), s -> s.list(sql, params, mapper));
    }

    public <T> Optional<T> first(NamedSql sql, Params params, RowMapper<T> mapper) {
        return run("read " + firstLine(sql), s -> s.first(sql, params, mapper));
    }

    public long number(NamedSql sql, Params params) {
        return run("read " + firstLine(sql), s -> s.number(sql, params));
    }

    /**
     * Read-only work on one consistent snapshot (REPEATABLE READ), on a connection of its own with the caller's
     * transaction suspended: counts and the rows a report hashes are read from the same snapshot, so they agree
     * while answers keep arriving.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public <T> T snapshot(String what, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                T result = work.run(new Sql(connection));
                connection.commit();
                return result;
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setReadOnly(false);
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw DatabaseException.of(what, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statement's first comment or line, to say what failed without quoting the whole statement. */
    private static String firstLine(NamedSql sql) {
        String text = sql.text().strip();
        int end = text.indexOf('\n');
        return "'" + (end < 0 ? text : text.substring(0, end)).strip() + "'";
    }
}
