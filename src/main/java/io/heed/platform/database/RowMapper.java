package io.heed.platform.database;

import java.sql.SQLException;

/** Reads one {@link Row} into a value. */
@FunctionalInterface
public interface RowMapper<T> {
    T map(Row row) throws SQLException;
}
