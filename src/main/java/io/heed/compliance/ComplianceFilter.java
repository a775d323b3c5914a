package io.heed.compliance;

import io.heed.platform.api.QueryParameters;
import io.heed.security.RegionScope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which recipients a compliance query, export or report may count: the caller's {@link RegionScope} narrowed by
 * the request's {@code region} and {@code department} filters. Every compliance query applies it through
 * {@link #sql} and {@link #bind}, so region scoping is decided by {@code RegionScope} and written into SQL in
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

    /** The report of one region (or of all with {@code "*"}), as a report mail's recipient receives it. */
    public static ComplianceFilter region(String region) {
        return "*".equals(region)
                ? EVERYTHING
                : new ComplianceFilter(Optional.of(Set.of(region)), Optional.empty(), RegionScope.only(Set.of(region)));
    }

    /** True when the scope and filters leave no region at all: every count is zero. */
    public boolean nothingVisible() {
        return regions.isPresent() && regions.get().isEmpty();
    }

    /**
     * The predicate on a table with {@code region} and {@code department} columns (recipient, or a counter
     * table), qualified by {@code alias}: {@code (? or a.region = any(?)) and (? is null or a.department = ?)}.
     * Four parameters, bound by {@link #bind}.
     */
    static String sql(String alias) {
        String a = alias.isEmpty() ? "" : alias + ".";
        return "(?::boolean or " + a + "region = any(?::text[])) and (?::text is null or " + a + "department = ?)";
    }

    /** Binds the four parameters of {@link #sql} from {@code index}; returns the next index. */
    int bind(Connection connection, PreparedStatement statement, int index) throws SQLException {
        statement.setBoolean(index++, regions.isEmpty());
        statement.setArray(
                index++,
                connection.createArrayOf("text", regions.orElse(Set.of()).toArray()));
        statement.setString(index++, department.orElse(null));
        statement.setString(index++, department.orElse(null));
        return index;
    }

    /** The regions a report covers, for its header: empty when it covers every region. */
    public List<String> regionList() {
        return regions.map(r -> List.copyOf(new TreeSet<>(r))).orElse(List.of());
    }
}
