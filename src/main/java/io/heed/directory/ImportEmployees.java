package io.heed.directory;

import io.heed.platform.api.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;

/**
 * The directory import: a CSV from HR in, employees created, updated or (on request) deactivated. The whole
 * file is read and checked before anything is written, so a malformed file changes nothing; rejected rows are
 * reported and change nothing either.
 */
@ApplicationScoped
public class ImportEmployees {

    @Inject
    DirectoryConfig config;

    @Inject
    EmployeeDirectoryWriter writer;

    public ImportResult fromCsv(
            InputStream body, Long declaredLength, boolean dryRun, boolean deactivateMissing, String actor) {
        long limit = config.importing().maxSize().asLongValue();
        if (declaredLength != null && declaredLength > limit) {
            throw LimitedInputStream.tooLarge(limit);
        }
        if (body == null) {
            throw ApiException.badRequest("The request has no body: send the CSV file.");
        }
        EmployeeCsv.Parsed parsed = EmployeeCsv.read(new LimitedInputStream(body, limit));
        EmployeeDirectoryWriter.Applied applied = writer.apply(parsed, dryRun, deactivateMissing, actor);
        return new ImportResult(
                dryRun,
                applied.created(),
                applied.updated(),
                applied.unchanged(),
                applied.deactivated(),
                parsed.rejected());
    }
}
