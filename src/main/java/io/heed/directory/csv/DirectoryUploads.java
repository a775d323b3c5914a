package io.heed.directory.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.heed.directory.ImportResult;
import io.heed.platform.Json;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.heed.platform.database.Row;
import io.heed.platform.error.Refusal;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * The directory import in two steps, as the console offers it: a file is uploaded and kept ({@code
 * directory_upload}), its dry run is computed in the background and shown, and only then, on request, applied by
 * the same use case as the API's import ({@link ImportEmployees}, audited as {@code directory.import}). The file
 * lives in the database, so any replica can show the dry run or apply it; neither step holds up the request that
 * starts it (a 100,000-row file takes seconds), the page asks for the upload's {@link Upload#status} instead.
 *
 * <p>A file whose header is wrong, that is not UTF-8 text or is larger than {@code heed.directory.import.max-size}
 * is refused when it is uploaded, and nothing is stored.
 */
@ApplicationScoped
public class DirectoryUploads {

    private static final Logger LOG = Logger.getLogger(DirectoryUploads.class);

    /** Where an upload is: {@code checking → checked → applying → applied}, or {@code failed} (see problem). */
    public enum Status {
        CHECKING,
        CHECKED,
        APPLYING,
        APPLIED,
        FAILED;

        public boolean working() {
            return this == CHECKING || this == APPLYING;
        }

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An uploaded file and what became of it; {@code dryRun} once checked, {@code applied} once applied. */
    public record Upload(
            long id,
            String account,
            Instant uploadedAt,
            String fileName,
            long sizeBytes,
            boolean deactivateMissing,
            Status status,
            ImportResult dryRun,
            ImportResult applied,
            String problem,
            Instant updatedAt) {

        /** The rejected lines of the dry run, one page of them ({@code page} from 0). */
        public List<ImportResult.Rejected> rejected(int page, int size) {
            List<ImportResult.Rejected> all = dryRun == null ? List.of() : dryRun.rejected();
            int from = Math.min(all.size(), Math.max(0, page) * size);
            return all.subList(from, Math.min(all.size(), from + size));
        }

        public int rejectedCount() {
            return dryRun == null ? 0 : dryRun.rejected().size();
        }
    }

    private static final String COLUMNS = "id, account, uploaded_at, file_name, size_bytes, deactivate_missing,"
            + " status, dry_run::text as dry_run, applied::text as applied, problem, updated_at";

    private static final NamedSql INSERT = NamedSql.of("""
            insert into directory_upload (account, uploaded_at, file_name, size_bytes, content, deactivate_missing,
                                          status, updated_at)
            values (:account, :now, :fileName, :size, :content, :deactivateMissing, 'checking', :now)
            returning id""");

    private static final NamedSql FIND = NamedSql.of("select " + COLUMNS + " from directory_upload where id = :id");

    private static final NamedSql LATEST =
            NamedSql.of("select " + COLUMNS + " from directory_upload order by id desc limit :limit");

    private static final NamedSql CONTENT =
            NamedSql.of("select content, deactivate_missing, account from directory_upload where id = :id");

    private static final NamedSql CHECKED = NamedSql.of("""
            update directory_upload set status = 'checked', dry_run = cast(:result as jsonb), updated_at = :now
             where id = :id and status = 'checking'""");

    // Only one "Apply" wins, whichever replica serves it.
    private static final NamedSql CLAIM = NamedSql.of("""
            update directory_upload set status = 'applying', account = :account, updated_at = :now
             where id = :id and status = 'checked'""");

    private static final NamedSql APPLIED = NamedSql.of("""
            update directory_upload set status = 'applied', applied = cast(:result as jsonb), content = null,
                   updated_at = :now
             where id = :id""");

    private static final NamedSql FAILED = NamedSql.of("""
            update directory_upload set status = 'failed', problem = :problem, content = null, updated_at = :now
             where id = :id""");

    @Inject
    ImportConfig config;

    @Inject
    ImportEmployees importEmployees;

    @Inject
    Database database;

    @Inject
    Clock clock;

    // Imports run one at a time anyway (the writer's advisory lock): one thread is enough.
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "heed-directory-upload");
        thread.setDaemon(true);
        return thread;
    });

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /**
     * Keeps the file and starts its dry run in the background.
     *
     * @return the upload's id
     * @throws Refusal invalid (no file, not CSV, a wrong header) or too large, before anything is stored
     */
    public long upload(String fileName, java.nio.file.Path file, boolean deactivateMissing, String account) {
        long limit = maxSize();
        byte[] content;
        try {
            if (java.nio.file.Files.size(file) > limit) {
                throw LimitedInputStream.tooLarge(limit);
            }
            content = java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not read the uploaded file", e);
        }
        if (content.length == 0) {
            throw Refusal.invalid("file: this file is empty; a header row is required.");
        }
        if (content.length > 1 && content[0] == 'P' && content[1] == 'K') {
            throw Refusal.invalid("file: this is a spreadsheet or an archive, not a CSV file. Save it as"
                    + " \"CSV UTF-8\" and upload that.");
        }
        try {
            EmployeeCsv.checkHeader(new ByteArrayInputStream(content));
        } catch (Refusal refusal) {
            throw Refusal.invalid("file: " + refusal.reason());
        }
        String name = fileName == null || fileName.isBlank() ? "upload.csv" : fileName.strip();
        long id = QuarkusTransaction.requiringNew()
                .call(() -> database.number(
                        INSERT,
                        Params.of("account", account)
                                .and("now", clock.instant())
                                .and("fileName", name.length() > 200 ? name.substring(0, 200) : name)
                                .and("size", (long) content.length)
                                .and("content", content)
                                .and("deactivateMissing", deactivateMissing)));
        background.submit(() -> run(id, true));
        return id;
    }

    /** The largest file the import takes ({@code heed.directory.import.max-size}), in bytes. */
    public long maxSize() {
        return config.maxSize().asLongValue();
    }

    /**
     * Applies a checked upload, in the background.
     *
     * @throws Refusal not found, or conflict when it is not (or no longer) waiting to be applied
     */
    public void apply(long id, String account) {
        Upload upload = find(id);
        int claimed = QuarkusTransaction.requiringNew()
                .call(() -> database.update(
                        CLAIM, Params.of("id", id).and("account", account).and("now", clock.instant())));
        if (claimed == 0) {
            throw Refusal.conflict(
                    "This upload cannot be applied: it is " + upload.status().column() + ".",
                    upload.status().column());
        }
        background.submit(() -> run(id, false));
    }

    /** @throws Refusal not found */
    public Upload find(long id) {
        return QuarkusTransaction.joiningExisting()
                .call(() -> database.first(FIND, Params.of("id", id), DirectoryUploads::read))
                .orElseThrow(() -> Refusal.notFound("No upload " + id + "."));
    }

    /** The latest uploads, newest first. */
    public List<Upload> latest(int limit) {
        return QuarkusTransaction.joiningExisting()
                .call(() -> database.list(LATEST, Params.of("limit", limit), DirectoryUploads::read));
    }

    private record Stored(byte[] content, boolean deactivateMissing, String account) {}

    private void run(long id, boolean dryRun) {
        try {
            Optional<Stored> stored = QuarkusTransaction.requiringNew()
                    .call(() -> database.first(
                            CONTENT,
                            Params.of("id", id),
                            r -> new Stored(r.bytes("content"), r.bool("deactivate_missing"), r.string("account"))));
            if (stored.isEmpty() || stored.get().content() == null) {
                return;
            }
            byte[] content = stored.get().content();
            ImportResult result = importEmployees.fromCsv(
                    new ByteArrayInputStream(content),
                    (long) content.length,
                    dryRun,
                    stored.get().deactivateMissing(),
                    stored.get().account());
            QuarkusTransaction.requiringNew()
                    .run(() -> database.update(
                            dryRun ? CHECKED : APPLIED,
                            Params.of("id", id)
                                    .and("result", Json.write(result))
                                    .and("now", clock.instant())));
        } catch (Refusal refusal) {
            fail(id, refusal.reason());
        } catch (RuntimeException e) {
            LOG.errorf(e, "The directory upload %d could not be %s", id, dryRun ? "checked" : "applied");
            fail(
                    id,
                    "Heed could not " + (dryRun ? "check" : "apply") + " this file ("
                            + e.getClass().getSimpleName() + "); the error is logged. Nothing was changed.");
        }
    }

    private void fail(long id, String problem) {
        QuarkusTransaction.requiringNew()
                .run(() -> database.update(
                        FAILED, Params.of("id", id).and("problem", problem).and("now", clock.instant())));
    }

    private static Upload read(Row r) throws SQLException {
        return new Upload(
                r.getLong("id"),
                r.string("account"),
                r.instant("uploaded_at"),
                r.string("file_name"),
                r.getLong("size_bytes"),
                r.bool("deactivate_missing"),
                Status.valueOf(r.string("status").toUpperCase(java.util.Locale.ROOT)),
                result(r.string("dry_run")),
                result(r.string("applied")),
                r.string("problem"),
                r.instant("updated_at"));
    }

    private static ImportResult result(String json) {
        if (json == null) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(json, ImportResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored import result is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
