package io.heed.directory.csv;

import io.heed.directory.EmployeeDirectoryWriter;
import io.heed.directory.ImportResult;
import io.heed.platform.error.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;

/**
 * The directory import from a CSV file of HR's: employees created, updated or (on request) deactivated, in one
 * transaction, through the directory's one writer. A malformed file rolls it all back, so it changes nothing;
 * rejected rows are reported and change nothing either.
 */
@ApplicationScoped
class ImportEmployees {

    @Inject
    ImportConfig config;

    @Inject
    EmployeeDirectoryWriter writer;

    ImportResult fromCsv(
            InputStream body, Long declaredLength, boolean dryRun, boolean deactivateMissing, String actor) {
        long limit = config.maxSize().asLongValue();
        if (declaredLength != null && declaredLength > limit) {
            throw LimitedInputStream.tooLarge(limit);
        }
        if (body == null) {
            throw Refusal.invalid("The request has no body: send the CSV file.");
        }
        InputStream limited = new LimitedInputStream(body, limit);
        EmployeeDirectoryWriter.Applied applied =
                writer.apply(sink -> EmployeeCsv.read(limited, sink), dryRun, deactivateMissing, actor);
        return new ImportResult(
                dryRun,
                applied.created(),
                applied.updated(),
                applied.unchanged(),
                applied.deactivated(),
                applied.rejected());
    }
}
