package io.heed.directory;

import io.heed.platform.EmailAddresses;
import io.heed.platform.api.Page;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.heed.platform.database.SqlArray;
import io.heed.platform.error.Refusal;
import io.heed.security.RegionScope;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads the directory, always within the caller's {@link RegionScope}, as {@link EmployeeView}s. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EmployeeQueries {

    /** Listing filters; each empty means "any". {@code text} matches a name or an e-mail address, in part. */
    public record Filter(
            Optional<String> region,
            Optional<String> department,
            Optional<String> country,
            Optional<String> text,
            Optional<Boolean> active) {}

    public record RegionHeadcount(String region, long activeEmployees) {}

    @Inject
    EntityManager entityManager;

    @Inject
    Database database;

    /** How many active employees of an audience sit in one region and time zone. */
    public record ZoneCount(String region, String timeZone, long employees) {}

    private static final NamedSql AUDIENCE_BY_ZONE = NamedSql.load(EmployeeQueries.class, "audience-by-zone.sql");

    /**
     * The active employees an audience selects (every non-empty filter matches, or named in {@code include}; never
     * in {@code exclude}), counted by region and time zone, within {@code scope}.
     */
    public List<ZoneCount> audienceByZone(
            List<String> regions,
            List<String> departments,
            List<String> countries,
            List<String> include,
            List<String> exclude,
            RegionScope scope) {
        Params params = Params.of("regions", SqlArray.of("text", regions))
                .and("departments", SqlArray.of("text", departments))
                .and("countries", SqlArray.of("text", countries))
                .and("include", SqlArray.of("text", keys(include)))
                .and("exclude", SqlArray.of("text", keys(exclude)))
                .and("unrestricted", scope.unrestricted())
                .and("scopeRegions", SqlArray.of("text", List.copyOf(scope.regions())));
        return database.list(
                AUDIENCE_BY_ZONE,
                params,
                row -> new ZoneCount(row.string("region"), row.string("time_zone"), row.getLong("employees")));
    }

    private static List<String> keys(List<String> emails) {
        return emails.stream().map(EmailAddresses::key).toList();
    }

    public Page<EmployeeView> list(Filter filter, RegionScope scope, int page, int size) {
        Page.check(page, size);
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        Optional<Set<String>> regions = scope.narrow(filter.region());
        if (regions.isPresent()) {
            where.add("region in :regions");
            parameters.and("regions", regions.get());
            if (regions.get().isEmpty()) {
                return new Page<>(List.of(), page, size, 0);
            }
        }
        filter.department().ifPresent(department -> {
            where.add("department = :department");
            parameters.and("department", department);
        });
        filter.country().ifPresent(country -> {
            where.add("country = :country");
            parameters.and("country", country.trim().toUpperCase(Locale.ROOT));
        });
        filter.active().ifPresent(active -> {
            where.add("active = :active");
            parameters.and("active", active);
        });
        filter.text().filter(q -> !q.isBlank()).ifPresent(q -> {
            where.add("(lower(name) like :q escape '\\' or emailKey like :q escape '\\')");
            parameters.and("q", "%" + likeEscaped(q.trim().toLowerCase(Locale.ROOT)) + "%");
        });
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        PanacheQuery<Employee> employees =
                Employee.find(query, Sort.by("emailKey"), parameters).page(page, size);
        return new Page<>(employees.list(), page, size, employees.count()).map(EmployeeView::of);
    }

    /** @throws Refusal not found for an unknown id and for an employee outside the caller's scope alike */
    public EmployeeView get(long id, RegionScope scope) {
        return Employee.<Employee>findByIdOptional(id)
                .filter(employee -> scope.allows(employee.region))
                .map(EmployeeView::of)
                .orElseThrow(() -> Refusal.notFound("No employee " + id + " in the directory."));
    }

    public EmployeeView get(String email, RegionScope scope) {
        return Employee.findByEmail(email)
                .filter(employee -> scope.allows(employee.region))
                .map(EmployeeView::of)
                .orElseThrow(() -> Refusal.notFound("No employee " + email + " in the directory."));
    }

    public List<RegionHeadcount> regions(RegionScope scope) {
        return entityManager
                .createQuery(
                        "select new io.heed.directory.EmployeeQueries$RegionHeadcount(e.region,"
                                + " sum(case when e.active then 1L else 0L end))"
                                + " from Employee e group by e.region order by e.region",
                        RegionHeadcount.class)
                .getResultStream()
                .filter(region -> scope.allows(region.region()))
                .toList();
    }

    /** Whether the directory holds anyone the caller may see (one indexed row read, whatever its size). */
    public boolean anyone(RegionScope scope) {
        Optional<Set<String>> regions = scope.narrow(Optional.empty());
        if (regions.isEmpty()) {
            return Employee.findAll().firstResultOptional().isPresent();
        }
        return !regions.get().isEmpty()
                && Employee.find("region in ?1", regions.get())
                        .firstResultOptional()
                        .isPresent();
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
