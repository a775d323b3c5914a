package io.heed.directory;

import java.util.List;

/**
 * Where the employees of one import come from (a CSV file today, a directory sync later): it reads its rows and
 * hands each valid one to the {@link EmployeeDirectoryWriter} as it goes, so a large import is never held in
 * memory. Checking the rows ({@link EmployeeFieldRules}) and reporting the rejected ones is the source's part.
 */
@FunctionalInterface
public interface EmployeeSource {

    /** Receives the rows as they are read. */
    interface Sink {
        void valid(EmployeeRecord employee);

        /**
         * A rejected row whose address is well-formed: the employee is still "in the source", and is never
         * deactivated because of a typo elsewhere in their row.
         */
        void mentioned(String emailKey);
    }

    /** What the source saw: how many rows went to {@link Sink#valid}, and the rows it rejected, in order. */
    record Summary(int valid, List<ImportResult.Rejected> rejected) {}

    /** Reads every row into {@code sink}; may throw a {@link io.heed.platform.error.Refusal} to refuse the whole. */
    Summary readInto(Sink sink);
}
