package io.heed.directory;

import io.heed.platform.api.Page;
import io.heed.platform.api.QueryParameters;
import io.heed.security.CurrentUser;
import io.heed.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The directory API's reads, in the caller's region scope; the CSV import is {@code directory.csv}'s. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
class EmployeeResource {

    @Inject
    EmployeeQueries employees;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/employees")
    public Page<EmployeeView> list(
            @QueryParam("region") String region,
            @QueryParam("department") String department,
            @QueryParam("country") String country,
            @QueryParam("q") String q,
            @QueryParam("active") String active,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        var filter = new EmployeeQueries.Filter(
                QueryParameters.optional(region),
                QueryParameters.optional(department),
                QueryParameters.optional(country),
                QueryParameters.optional(q),
                QueryParameters.optionalBoolean("active", active));
        return employees.list(filter, currentUser.regionScope(), page, size);
    }

    @GET
    @Path("/employees/{email}")
    public EmployeeView get(@PathParam("email") String email) {
        return employees.get(email, currentUser.regionScope());
    }

    @GET
    @Path("/regions")
    public List<EmployeeQueries.RegionHeadcount> regions() {
        return employees.regions(currentUser.regionScope());
    }
}
