package io.heed.directory;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.agroal.api.AgroalDataSource;
import io.heed.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Applies an import in one transaction, set-based: the rows are streamed with {@code COPY} into a temporary
 * staging table as they are parsed, then one INSERT creates the new employees and one UPDATE changes the
 * changed ones. Row-by-row upserts would cost a round trip each (about 1,000 rows/s); this runs near the speed of
 * COPY itself.
 */
@ApplicationScoped
class EmployeeDirectoryWriter {

    /** Counts of what an import changed, and the rows it refused. */
    record Applied(int created, int updated, int unchanged, int deactivated, List<ImportResult.Rejected> rejected) {}

    // The one definition of "this row changes the stored employee", shared by the dry run and the real run.
    private static final String CHANGED = """
            (e.email, e.name, e.region, e.department, e.country, e.manager_email, e.locale, e.time_zone, e.active)
              is distinct from
            (s.email, s.name, s.region, s.department, s.country, s.manager_email, s.locale, s.time_zone, true)""";

    private static final String STAGING = """
            create temporary table employee_import (
                email text, email_key text, name text, region text, department text, country text,
                manager_email text, locale text, time_zone text, valid boolean not null
            ) on commit drop""";

    private static final String COPY_STAGING = "copy employee_import from stdin (format csv)";

    private static final String CREATE = """
            insert into employee (email, email_key, name, region, department, country, manager_email, locale,
                                  time_zone, active, created_at, updated_at)
            select s.email, s.email_key, s.name, s.region, s.department, s.country, s.manager_email, s.locale,
                   s.time_zone, true, ?, ?
              from employee_import s
             where s.valid and not exists (select 1 from employee e where e.email_key = s.email_key)""";

    private static final String COUNT_CREATE = """
            select count(*) from employee_import s
             where s.valid and not exists (select 1 from employee e where e.email_key = s.email_key)""";

    private static final String UPDATE = """
            update employee e
               set email = s.email, name = s.name, region = s.region, department = s.department,
                   country = s.country, manager_email = s.manager_email, locale = s.locale,
                   time_zone = s.time_zone, active = true, deactivated_at = null, updated_at = ?
              from employee_import s
             where s.valid and e.email_key = s.email_key and """ + CHANGED;

    private static final String COUNT_UPDATE = """
            select count(*) from employee e join employee_import s on e.email_key = s.email_key
             where s.valid and """ + CHANGED;

    private static final String DEACTIVATE = """
            update employee e set active = false, deactivated_at = ?, updated_at = ?
             where e.active and not exists (select 1 from employee_import s where s.email_key = e.email_key)""";

    private static final String COUNT_DEACTIVATE = """
            select count(*) from employee e
             where e.active and not exists (select 1 from employee_import s where s.email_key = e.email_key)""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    /**
     * Reads the CSV straight into the staging table while it arrives (parsing on this thread, COPY on the
     * database's), then applies it. A malformed file aborts the COPY and rolls everything back.
     */
    @Transactional
    Applied apply(InputStream csv, boolean dryRun, boolean deactivateMissing, String actor) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                // Imports run one at a time: the counts and the writes below must see the same directory.
                statement.execute("select pg_advisory_xact_lock(hashtext('heed.directory-import'))");
                statement.execute(STAGING);
                // Every statement below is meant as a hash join of the staging table with the directory. The
                // staging table has no statistics (ANALYZE would cost a tenth of the import) and a freshly
                // emptied directory has misleading ones: left to guess, the planner can pick a nested loop that
                // rescans the directory for every row. Hash joins cost one pass, whatever the sizes.
                statement.execute("set local enable_nestloop = off");
                // Room to hash a whole directory in memory (the default spills a large one to disk).
                statement.execute("set local work_mem = '64MB'");
            }
            EmployeeCsv.Summary summary = stage(connection, csv);
            int created;
            int updated;
            int deactivated = 0;
            if (dryRun) {
                created = count(connection, COUNT_CREATE);
                updated = count(connection, COUNT_UPDATE);
                if (deactivateMissing) {
                    deactivated = count(connection, COUNT_DEACTIVATE);
                }
            } else {
                // Update before insert, so the UPDATE does not revisit the rows just created.
                updated = execute(connection, UPDATE, now);
                created = execute(connection, CREATE, now, now);
                if (deactivateMissing) {
                    deactivated = execute(connection, DEACTIVATE, now, now);
                }
            }
            Applied applied =
                    new Applied(created, updated, summary.valid() - created - updated, deactivated, summary.rejected());
            if (!dryRun) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("created", applied.created());
                details.put("updated", applied.updated());
                details.put("unchanged", applied.unchanged());
                details.put("deactivated", applied.deactivated());
                details.put("rejected", applied.rejected().size());
                auditLog.record(actor, "directory.import", "employees", details);
            }
            return applied;
        } catch (SQLException e) {
            throw new IllegalStateException("Directory import failed: " + e.getMessage(), e);
        }
    }

    /** COPYs every valid row, and the addresses of rejected rows (for deactivateMissing), as they are read. */
    private static EmployeeCsv.Summary stage(Connection connection, InputStream csv) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_STAGING);
        try {
            EmployeeCsv.Summary summary;
            // POSTGRESQL_CSV quotes every value and writes null as an empty unquoted field, which COPY reads as NULL.
            try (CSVPrinter rows = new CSVPrinter(
                    new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(copy, 1 << 16), UTF_8), 1 << 16),
                    CSVFormat.POSTGRESQL_CSV)) {
                summary = EmployeeCsv.read(csv, new EmployeeCsv.Sink() {
                    @Override
                    public void valid(EmployeeRecord e) {
                        print(
                                rows,
                                e.email(),
                                e.emailKey(),
                                e.name(),
                                e.region(),
                                e.department(),
                                e.country(),
                                e.managerEmail(),
                                e.locale(),
                                e.timeZone(),
                                "t");
                    }

                    @Override
                    public void mentioned(String emailKey) {
                        print(rows, null, emailKey, null, null, null, null, null, null, null, "f");
                    }
                });
            } // closing the stream ends the COPY
            return summary;
        } catch (IOException e) {
            throw new IllegalStateException("Could not stream the import to PostgreSQL: " + e.getMessage(), e);
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy(); // the file was refused half-way: the transaction rolls back anyway
            }
        }
    }

    private static void print(CSVPrinter printer, Object... values) {
        try {
            printer.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stream the import to PostgreSQL", e);
        }
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }

    private static int execute(Connection connection, String sql, Instant... timestamps) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < timestamps.length; i++) {
                statement.setTimestamp(i + 1, Timestamp.from(timestamps[i]));
            }
            return statement.executeUpdate();
        }
    }
}
