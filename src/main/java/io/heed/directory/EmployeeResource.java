package io.heed.directory;

import io.heed.platform.api.Page;
import io.heed.platform.api.QueryParameters;
import io.heed.security.CurrentUser;
import io.heed.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class EmployeeResource {

    public record EmployeeView(
            String email,
            String name,
            String region,
            String department,
            String country,
            String managerEmail,
            String locale,
            String timezone,
            boolean active,
            Instant createdAt,
            Instant updatedAt,
            Instant deactivatedAt) {
        static EmployeeView of(Employee e) {
            return new EmployeeView(
                    e.email,
                    e.name,
                    e.region,
                    e.department,
                    e.country,
                    e.managerEmail,
                    e.locale,
                    e.timeZone,
                    e.active,
                    e.createdAt,
                    e.updatedAt,
                    e.deactivatedAt);
        }
    }

    @Inject
    ImportEmployees importEmployees;

    @Inject
    EmployeeDirectory directory;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("/employees/import")
    @Consumes({"text/csv", "application/csv"})
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(
            summary = "Import employees from CSV",
            description = "Upsert by e-mail. Columns: email, name, region (required); department, country,"
                    + " manager_email, locale, timezone (optional).")
    public ImportResult importCsv(
            @RequestBody InputStream body,
            @HeaderParam("Content-Length") Long contentLength,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @QueryParam("deactivateMissing") @DefaultValue("false") boolean deactivateMissing) {
        return importEmployees.fromCsv(body, contentLength, dryRun, deactivateMissing, currentUser.name());
    }

    @GET
    @Path("/employees")
    @RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
    public Page<EmployeeView> list(
            @QueryParam("region") String region,
            @QueryParam("department") String department,
            @QueryParam("q") String q,
            @QueryParam("active") String active,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        var filter = new EmployeeDirectory.Filter(
                QueryParameters.optional(region),
                QueryParameters.optional(department),
                QueryParameters.optional(q),
                QueryParameters.optionalBoolean("active", active));
        return directory.list(filter, currentUser.regionScope(), page, size).map(EmployeeView::of);
    }

    @GET
    @Path("/employees/{email}")
    @RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
    public EmployeeView get(@PathParam("email") String email) {
        return EmployeeView.of(directory.get(email, currentUser.regionScope()));
    }

    @GET
    @Path("/regions")
    @RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
    public List<EmployeeDirectory.RegionHeadcount> regions() {
        return directory.regions(currentUser.regionScope());
    }
}
