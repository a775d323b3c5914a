package io.heed.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Named statements on one connection: the one way Heed's code runs SQL that Panache does not (set-based writes,
 * the read side). Obtained from {@link Database}; not thread-safe, like the connection under it.
 */
public final class Sql {

    /** Reads rows one at a time, for results too large to hold (exports). */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(Row row) throws SQLException, java.io.IOException;
    }

    private final Connection connection;

    Sql(Connection connection) {
        this.connection = connection;
    }

    public <T> List<T> list(NamedSql sql, Params params, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement statement = prepare(sql, params);
                ResultSet rs = statement.executeQuery()) {
            List<T> rows = new ArrayList<>();
            Row row = new Row(rs);
            while (rs.next()) {
                rows.add(mapper.map(row));
            }
            return rows;
        }
    }

    public <T> Optional<T> first(NamedSql sql, Params params, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement statement = prepare(sql, params)) {
            statement.setMaxRows(1);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.ofNullable(mapper.map(new Row(rs))) : Optional.empty();
            }
        }
    }

    /** The first column of the first row as a number (a count, an id); 0 when there is no row or it is null. */
    public long number(NamedSql sql, Params params) throws SQLException {
        try (PreparedStatement statement = prepare(sql, params);
                ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Runs an INSERT, UPDATE or DELETE (or any statement without a result); returns the rows it changed. */
    public int update(NamedSql sql, Params params) throws SQLException {
        try (PreparedStatement statement = prepare(sql, params)) {
            return statement.executeUpdate();
        }
    }

    /**
     * Reads the result {@code fetchSize} rows at a time through a server-side cursor (inside a transaction, e.g.
     * a {@link Database#snapshot}) and hands each row to {@code consumer}; returns how many.
     */
    public long stream(NamedSql sql, Params params, int fetchSize, RowConsumer consumer)
            throws SQLException, java.io.IOException {
        try (PreparedStatement statement = prepare(sql, params)) {
            statement.setFetchSize(fetchSize);
            long rows = 0;
            try (ResultSet rs = statement.executeQuery()) {
                Row row = new Row(rs);
                while (rs.next()) {
                    consumer.accept(row);
                    rows++;
                }
            }
            return rows;
        }
    }

    /**
     * Opens a server-side cursor ({@code fetchSize} rows per round trip, inside a transaction such as a
     * {@link Database#snapshot}) that the caller reads one row at a time: for merging two ordered results row by
     * row, which {@link #stream}'s callback cannot do. Close it (try-with-resources).
     */
    public Cursor cursor(NamedSql sql, Params params, int fetchSize) throws SQLException {
        PreparedStatement statement = prepare(sql, params);
        try {
            statement.setFetchSize(fetchSize);
            return new Cursor(statement, statement.executeQuery());
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** An open result read forward: {@link #next()} moves to the next row, {@link #row()} reads the current one. */
    public static final class Cursor implements AutoCloseable {

        private final PreparedStatement statement;
        private final ResultSet rs;
        private final Row row;

        private Cursor(PreparedStatement statement, ResultSet rs) {
            this.statement = statement;
            this.rs = rs;
            this.row = new Row(rs);
        }

        /** Moves to the next row; false when there is none. */
        public boolean next() throws SQLException {
            return rs.next();
        }

        /** The current row (the same object on every call: read it before moving on). */
        public Row row() {
            return row;
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }

    /**
     * The connection itself, for what named statements cannot do: {@code COPY} and statements with several
     * results. Everything else goes through the methods above.
     */
    public Connection connection() {
        return connection;
    }

    private PreparedStatement prepare(NamedSql sql, Params params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.jdbc());
        try {
            List<String> positions = sql.positions();
            for (int i = 0; i < positions.size(); i++) {
                String name = positions.get(i);
                if (!params.has(name)) {
                    throw new IllegalArgumentException("No value for :" + name + " in " + params);
                }
                bind(statement, i + 1, params.get(name));
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            statement.setObject(index, utc(instant));
        } else if (value instanceof Enum<?> e) {
            statement.setString(index, e.name());
        } else if (value instanceof SqlArray array) {
            statement.setArray(index, array(array.elementType(), array.elements()));
        } else if (value instanceof Collection<?> values) {
            statement.setArray(index, array(elementType(values), values));
        } else if (value instanceof Object[] values) {
            statement.setArray(index, array(elementType(List.of(values)), List.of(values)));
        } else {
            statement.setObject(index, value);
        }
    }

    private java.sql.Array array(String type, Collection<?> values) throws SQLException {
        Object[] elements = new Object[values.size()];
        int i = 0;
        for (Object value : values) {
            elements[i++] =
                    value instanceof Instant instant ? utc(instant) : value instanceof Enum<?> e ? e.name() : value;
        }
        return connection.createArrayOf(type, elements);
    }

    private static String elementType(Collection<?> values) {
        for (Object value : values) {
            if (value == null) {
                continue;
            }
            if (value instanceof Long || value instanceof Integer) {
                return "bigint";
            }
            if (value instanceof Boolean) {
                return "boolean";
            }
            if (value instanceof Instant || value instanceof OffsetDateTime) {
                return "timestamptz";
            }
            return "text";
        }
        return "text";
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
