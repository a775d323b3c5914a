package io.heed.directory;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.heed.audit.AuditLog;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.heed.platform.database.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
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
 * The directory's one writer: applies an import in one transaction, set-based. The employees of an
 * {@link EmployeeSource} are streamed with {@code COPY} into a temporary staging table as they are read, then one
 * UPDATE changes the changed employees, one INSERT creates the new ones and, on request, one UPDATE deactivates
 * those the source no longer has. Row-by-row upserts would cost a round trip each (about 1,000 rows/s); this runs
 * near the speed of COPY itself. A dry run runs the same classification as counts. COPY is raw JDBC (the
 * driver's copy API on the transaction's connection); every other statement is named SQL.
 */
@ApplicationScoped
public class EmployeeDirectoryWriter {

    /** Counts of what an import changed, and the rows it refused. */
    public record Applied(
            int created, int updated, int unchanged, int deactivated, List<ImportResult.Rejected> rejected) {}

    // The one definition of "this row changes the stored employee", shared by the dry run and the real run.
    private static final String CHANGED = """
            (e.email, e.name, e.region, e.department, e.country, e.manager_email, e.locale, e.time_zone, e.active)
              is distinct from
            (s.email, s.name, s.region, s.department, s.country, s.manager_email, s.locale, s.time_zone, true)""";

    // Imports run one at a time: the counts and the writes must see the same directory.
    private static final NamedSql LOCK = NamedSql.of("select pg_advisory_xact_lock(hashtext('heed.directory-import'))");

    private static final NamedSql STAGING = NamedSql.of("""
            create temporary table employee_import (
                email text, email_key text, name text, region text, department text, country text,
                manager_email text, locale text, time_zone text, valid boolean not null
            ) on commit drop""");

    // Every statement below is meant as a hash join of the staging table with the directory. The staging table
    // has no statistics (ANALYZE would cost a tenth of the import) and a freshly emptied directory has misleading
    // ones: left to guess, the planner can pick a nested loop that rescans the directory for every row. Hash joins
    // cost one pass, whatever the sizes.
    private static final NamedSql NO_NESTED_LOOPS = NamedSql.of("set local enable_nestloop = off");
    // Room to hash a whole directory in memory (the default spills a large one to disk).
    private static final NamedSql HASH_MEMORY = NamedSql.of("set local work_mem = '64MB'");

    private static final String COPY_STAGING = "copy employee_import from stdin (format csv)";

    private static final NamedSql CREATE = NamedSql.of("""
            insert into employee (email, email_key, name, region, department, country, manager_email, locale,
                                  time_zone, active, created_at, updated_at)
            select s.email, s.email_key, s.name, s.region, s.department, s.country, s.manager_email, s.locale,
                   s.time_zone, true, :now, :now
              from employee_import s
             where s.valid and not exists (select 1 from employee e where e.email_key = s.email_key)""");

    private static final NamedSql COUNT_CREATE = NamedSql.of("""
            select count(*) from employee_import s
             where s.valid and not exists (select 1 from employee e where e.email_key = s.email_key)""");

    private static final NamedSql UPDATE = NamedSql.of("""
            update employee e
               set email = s.email, name = s.name, region = s.region, department = s.department,
                   country = s.country, manager_email = s.manager_email, locale = s.locale,
                   time_zone = s.time_zone, active = true, deactivated_at = null, updated_at = :now
              from employee_import s
             where s.valid and e.email_key = s.email_key and """ + CHANGED);

    private static final NamedSql COUNT_UPDATE = NamedSql.of("""
            select count(*) from employee e join employee_import s on e.email_key = s.email_key
             where s.valid and """ + CHANGED);

    private static final NamedSql DEACTIVATE = NamedSql.of("""
            update employee e set active = false, deactivated_at = :now, updated_at = :now
             where e.active and not exists (select 1 from employee_import s where s.email_key = e.email_key)""");

    private static final NamedSql COUNT_DEACTIVATE = NamedSql.of("""
            select count(*) from employee e
             where e.active and not exists (select 1 from employee_import s where s.email_key = e.email_key)""");

    @Inject
    Database database;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    /**
     * Streams the source's rows into the staging table while they are read (reading on this thread, COPY on the
     * database's), then applies them. A source that refuses half-way aborts the COPY and rolls everything back.
     */
    @Transactional
    public Applied apply(EmployeeSource source, boolean dryRun, boolean deactivateMissing, String actor) {
        Instant now = clock.instant();
        Params at = Params.of("now", now);
        Applied applied = database.run("import the directory", sql -> {
            sql.first(LOCK, Params.NONE, locked -> true);
            sql.update(STAGING, Params.NONE);
            sql.update(NO_NESTED_LOOPS, Params.NONE);
            sql.update(HASH_MEMORY, Params.NONE);
            EmployeeSource.Summary summary = stage(sql, source);
            int created;
            int updated;
            int deactivated = 0;
            if (dryRun) {
                created = (int) sql.number(COUNT_CREATE, Params.NONE);
                updated = (int) sql.number(COUNT_UPDATE, Params.NONE);
                if (deactivateMissing) {
                    deactivated = (int) sql.number(COUNT_DEACTIVATE, Params.NONE);
                }
            } else {
                // Update before insert, so the UPDATE does not revisit the rows just created.
                updated = sql.update(UPDATE, at);
                created = sql.update(CREATE, at);
                if (deactivateMissing) {
                    deactivated = sql.update(DEACTIVATE, at);
                }
            }
            return new Applied(created, updated, summary.valid() - created - updated, deactivated, summary.rejected());
        });
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
    }

    /** COPYs every valid row, and the addresses of rejected rows (for deactivateMissing), as they are read. */
    private static EmployeeSource.Summary stage(Sql sql, EmployeeSource source) throws SQLException {
        CopyIn copy = sql.connection().unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_STAGING);
        try {
            EmployeeSource.Summary summary;
            // POSTGRESQL_CSV quotes every value and writes null as an empty unquoted field, which COPY reads as NULL.
            try (CSVPrinter rows = new CSVPrinter(
                    new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(copy, 1 << 16), UTF_8), 1 << 16),
                    CSVFormat.POSTGRESQL_CSV)) {
                summary = source.readInto(new EmployeeSource.Sink() {
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
}
