package io.heed.platform.database;

import java.io.IOException;
import java.sql.SQLException;

/** Work on one connection ({@link Database#run}, {@link Database#snapshot}). */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Sql sql) throws SQLException, IOException;
}
