package io.heed.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Direct SQL for tests: emptying tables between tests and checking what was (not) written. */
public final class Database {

    private Database() {}

    /**
     * What every test that writes starts from: no employees, campaigns, recipients, answers, visits, mail,
     * counters or audit entries, and the clock at the system's time ({@link TestClock#reset()}). Kept: accounts
     * and API tokens (every test signs in with them), playbook versions (loaded from the folder at start-up), the
     * link signing key, the outbox's global pacing row, Quartz's and Flyway's tables. Identities are not
     * restarted: an id is never reused within a test run, as in production.
     */
    public static void reset(DataSource dataSource) {
        TestClock.reset();
        truncate(
                dataSource,
                "employee",
                "campaign",
                "recipient",
                "campaign_test_send",
                "campaign_escalation",
                "step_answer",
                "step_answer_change",
                "page_visit",
                "outbox_message",
                "outbox_stream",
                "compliance_count",
                "compliance_count_delta",
                "compliance_report_recipient",
                "compliance_report_run",
                "audit_event");
        execute(dataSource, "update outbox_pacing set next_slot_at = null");
    }

    /**
     * Empties the given tables. Accounts and API tokens are kept: every test signs in with them. Identities are
     * not restarted: an id is never reused within a test run, as in production, so what an earlier test left in
     * a table that was not emptied (queued mail, pacing of a stream) can never be mistaken for a new row's.
     */
    public static void truncate(DataSource dataSource, String... tables) {
        // The background jobs of the application under test (the dispatcher composing a message, the visit log)
        // may hold row locks on these tables in another order: PostgreSQL then aborts one side as a deadlock.
        // The truncate tries again; the jobs' own work is retried by them.
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("truncate " + String.join(", ", tables) + " cascade");
                return;
            } catch (SQLException e) {
                if (!"40P01".equals(e.getSQLState()) || attempt == 5) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    public static void execute(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long count(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row, as text (null when there is no row). */
    public static String string(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
