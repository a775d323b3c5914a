package io.heed.console.directory;

import io.heed.compliance.ComplianceFilter;
import io.heed.compliance.dashboard.EmployeeCompliance;
import io.heed.compliance.dashboard.EmployeeComplianceQueries;
import io.heed.console.Chrome;
import io.heed.console.ConsolePages;
import io.heed.directory.EmployeeQueries;
import io.heed.directory.EmployeeView;
import io.heed.platform.api.Page;
import io.heed.platform.api.QueryParameters;
import io.heed.platform.error.Refusal;
import io.heed.security.CurrentUser;
import io.heed.security.RegionScope;
import io.heed.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The directory: employees (paged, searched, filtered on the server), region headcounts, one employee. */
@Path("/console/directory")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
class DirectoryController {

    static final int PAGE_SIZE = 25;

    /** What the filter form was sent, as entered (empty strings for "any"). */
    public record Query(String q, String region, String department, String country, String active) {

        /** The listing's address with these filters, ending in '?' or '&' for the pager. */
        public String base() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("q", q);
            values.put("region", region);
            values.put("department", department);
            values.put("country", country);
            values.put("active", active);
            StringBuilder base = new StringBuilder("/console/directory?");
            values.forEach((name, value) -> {
                if (!value.isEmpty()) {
                    base.append(name)
                            .append('=')
                            .append(URLEncoder.encode(value, StandardCharsets.UTF_8))
                            .append('&');
                }
            });
            return base.toString();
        }

        public boolean filtered() {
            return !(q + region + department + country + active).isEmpty();
        }
    }

    /** The listing page: the filters as entered, one page of employees, every region the caller may see. */
    public record Listing(
            Query query,
            Page<EmployeeView> employees,
            List<EmployeeQueries.RegionHeadcount> regions,
            long headcount,
            boolean directoryEmpty) {

        public boolean filtered() {
            return query.filtered();
        }

        public String base() {
            return query.base();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance directory(Chrome chrome, Listing listing);

        static native TemplateInstance directory$results(Chrome chrome, Listing listing);

        static native TemplateInstance employee(
                Chrome chrome, EmployeeView employee, EmployeeView manager, EmployeeCompliance compliance);
    }

    @Inject
    ConsolePages pages;

    @Inject
    EmployeeQueries employees;

    @Inject
    EmployeeComplianceQueries compliance;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance list(
            @QueryParam("q") @DefaultValue("") String q,
            @QueryParam("region") @DefaultValue("") String region,
            @QueryParam("department") @DefaultValue("") String department,
            @QueryParam("country") @DefaultValue("") String country,
            @QueryParam("active") @DefaultValue("") String active,
            @QueryParam("page") @DefaultValue("0") int page,
            @HeaderParam("HX-Request") String htmx,
            @HeaderParam("HX-Target") String target,
            @HeaderParam("HX-History-Restore-Request") String historyRestore) {
        Query query = new Query(q.strip(), region.strip(), department.strip(), country.strip(), activeValue(active));
        RegionScope scope = currentUser.regionScope();
        var filter = new EmployeeQueries.Filter(
                QueryParameters.optional(query.region()),
                QueryParameters.optional(query.department()),
                QueryParameters.optional(query.country()),
                QueryParameters.optional(query.q()),
                switch (query.active()) {
                    case "active" -> Optional.of(true);
                    case "inactive" -> Optional.of(false);
                    default -> Optional.empty();
                });
        Page<EmployeeView> found = employees.list(filter, scope, Math.max(0, page), PAGE_SIZE);
        Chrome chrome = pages.chrome("directory", "Directory");
        if (htmx != null && historyRestore == null && "results".equals(target)) {
            // The results alone: the headcounts around them stay as they are (one query less per keystroke).
            return Templates.directory$results(chrome, new Listing(query, found, List.of(), 0, false));
        }
        List<EmployeeQueries.RegionHeadcount> regions = employees.regions(scope);
        long headcount = regions.stream()
                .mapToLong(EmployeeQueries.RegionHeadcount::activeEmployees)
                .sum();
        return Templates.directory(chrome, new Listing(query, found, regions, headcount, regions.isEmpty()));
    }

    @GET
    @Path("/employees/{id}")
    public TemplateInstance employee(@PathParam("id") long id) {
        RegionScope scope = currentUser.regionScope();
        EmployeeView employee = employees.get(id, scope);
        EmployeeView manager = null;
        if (employee.managerEmail() != null && !employee.managerEmail().isBlank()) {
            try {
                manager = employees.get(employee.managerEmail(), scope);
            } catch (Refusal notInScope) {
                manager = null; // shown as the address alone
            }
        }
        EmployeeCompliance campaigns = compliance.employee(employee.email(), ComplianceFilter.of(scope, null, null));
        return Templates.employee(pages.chrome("directory", employee.name()), employee, manager, campaigns);
    }

    private static String activeValue(String active) {
        String value = active.strip();
        return value.equals("active") || value.equals("inactive") ? value : "";
    }
}
