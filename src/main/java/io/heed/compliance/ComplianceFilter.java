package io.heed.compliance;

import io.heed.platform.api.QueryParameters;
import io.heed.platform.database.Params;
import io.heed.security.RegionScope;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which recipients a compliance query, export or report may count: the caller's {@link RegionScope} narrowed by
 * the request's {@code region} and {@code department} filters. Every compliance query applies it through
 * {@link #sql} and {@link #params}, so region scoping is decided by {@code RegionScope} and written into SQL in
 * this one place.
 *
 * @param regions the regions to keep; empty: no region filter (only ever for unrestricted callers)
 * @param department the department to keep; empty: every department
 * @param scope the caller's scope, as reports state it
 */
public record ComplianceFilter(Optional<Set<String>> regions, Optional<String> department, RegionScope scope) {

    /** Everything, for an unrestricted caller without filters (and for system jobs). */
    public static final ComplianceFilter EVERYTHING =
            new ComplianceFilter(Optional.empty(), Optional.empty(), RegionScope.ALL);

    public static ComplianceFilter of(RegionScope scope, String region, String department) {
        Optional<Set<String>> regions = scope.narrow(QueryParameters.optional(region));
        return new ComplianceFilter(regions.map(TreeSet::new), QueryParameters.optional(department), scope);
    }

    /** True when the scope and filters leave no region at all: every count is zero. */
    public boolean nothingVisible() {
        return regions.isPresent() && regions.get().isEmpty();
    }

    /**
     * The predicate on a table with {@code region} and {@code department} columns (recipient, or a counter
     * table), qualified by {@code alias} (none when empty), to write into a {@code NamedSql}. Its parameters
     * {@code :allRegions}, {@code :regions} and {@code :department} come from {@link #params}, once, however often
     * a statement repeats the predicate (e.g. in both halves of a {@code UNION}); the statement's own parameters
     * must have other names.
     */
    public static String sql(String alias) {
        String a = alias.isEmpty() ? "" : alias + ".";
        return "(:allRegions::boolean or " + a + "region = any(:regions::text[]))"
                + " and (:department::text is null or " + a + "department = :department)";
    }

    /** The values of {@link #sql}'s parameters; add the statement's own with {@link Params#and}. */
    public Params params() {
        return Params.of("allRegions", regions.isEmpty())
                .and("regions", List.copyOf(regions.orElse(Set.of())))
                .and("department", department.orElse(null));
    }

    /** The regions a report covers, for its header: empty when it covers every region. */
    public List<String> regionList() {
        return regions.map(r -> List.copyOf(new TreeSet<>(r))).orElse(List.of());
    }
}
