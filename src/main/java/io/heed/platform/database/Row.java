package io.heed.platform.database;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** One row of a result, read by column label with Heed's types: times as {@link Instant}, nulls as null. */
public final class Row {

    private final ResultSet rs;

    Row(ResultSet rs) {
        this.rs = rs;
    }

    public String string(String column) throws SQLException {
        return rs.getString(column);
    }

    public long getLong(String column) throws SQLException {
        return rs.getLong(column);
    }

    public int getInt(String column) throws SQLException {
        return rs.getInt(column);
    }

    public boolean bool(String column) throws SQLException {
        return rs.getBoolean(column);
    }

    /** The value, or null for SQL null. */
    public Long longOrNull(String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** The value, or null for SQL null. */
    public Integer intOrNull(String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    public Instant instant(String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public LocalDate date(String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public byte[] bytes(String column) throws SQLException {
        return rs.getBytes(column);
    }

    public <E extends Enum<E>> E enumOf(Class<E> type, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : Enum.valueOf(type, value);
    }

    /** A text array column; null stays null. */
    public List<String> strings(String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(v -> (String) v).toList();
    }

    /** The JDBC result itself, for what this class does not read. */
    public ResultSet resultSet() {
        return rs;
    }
}
