package io.heed.directory;

import io.heed.platform.error.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;

/**
 * The directory import: a CSV from HR in, employees created, updated or (on request) deactivated, in one
 * transaction. A malformed file rolls it all back, so it changes nothing; rejected rows are reported and
 * change nothing either.
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
            throw Refusal.invalid("The request has no body: send the CSV file.");
        }
        EmployeeDirectoryWriter.Applied applied =
                writer.apply(new LimitedInputStream(body, limit), dryRun, deactivateMissing, actor);
        return new ImportResult(
                dryRun,
                applied.created(),
                applied.updated(),
                applied.unchanged(),
                applied.deactivated(),
                applied.rejected());
    }
}
