package io.heed.platform.database;

import java.sql.SQLException;

/**
 * A statement failed: the one translation of {@link SQLException} in Heed. {@link #unavailable()} tells a
 * database that cannot be reached (connection refused or lost, server shutting down, no connection to be had)
 * from a statement that failed on its own; surfaces answer the first as "try again" (503), never a stack trace.
 */
public class DatabaseException extends RuntimeException {

    private final String sqlState;
    private final boolean unavailable;

    private DatabaseException(String message, SQLException cause, boolean unavailable) {
        super(message, cause);
        this.sqlState = cause == null ? null : cause.getSQLState();
        this.unavailable = unavailable;
    }

    /** {@code what} says what was being done, e.g. "snapshot the audience of campaign 12". */
    public static DatabaseException of(String what, SQLException e) {
        return new DatabaseException("Could not " + what + ": " + e.getMessage(), e, isUnavailable(e));
    }

    /** True when the database could not be reached, rather than refusing one statement. */
    public boolean unavailable() {
        return unavailable;
    }

    /** The SQLSTATE, e.g. {@code 23505} for a unique violation; null when the driver gave none. */
    public String sqlState() {
        return sqlState;
    }

    public boolean uniqueViolation() {
        return "23505".equals(sqlState);
    }

    static boolean isUnavailable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exceptions; 57P01-57P03: the server is shutting down or starting; 53300: too many
                // connections.
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) {
                    return true;
                }
            }
            if (t instanceof java.net.ConnectException || t instanceof java.io.EOFException) {
                return true;
            }
        }
        // Agroal: no connection could be acquired in time (the pool cannot reach the server).
        return e.getSQLState() == null
                && e.getMessage() != null
                && e.getMessage().contains("Acquisition timeout");
    }
}
