package io.heed.directory;

import java.util.List;

/**
 * What an import did (or, for a dry run, would do). {@code deactivated} counts active employees absent from
 * the file, only with {@code deactivateMissing}.
 */
public record ImportResult(
        boolean dryRun, int created, int updated, int unchanged, int deactivated, List<Rejected> rejected) {

    /** A row that was not imported: the 1-based line it starts on (the header is line 1), and why. */
    public record Rejected(long line, String email, String reason) {}
}
