package io.heed.compliance.dashboard;

import io.heed.compliance.ComplianceFilter;
import io.heed.security.CurrentUser;
import io.heed.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Compliance across campaigns: the console's overview and one employee's state in every campaign. Both take
 * the {@code region} and {@code department} filters; a regional officer only ever sees their regions.
 */
@Path("/api/v1/compliance")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
class ComplianceResource {

    @Inject
    ComplianceOverviewQueries overview;

    @Inject
    EmployeeComplianceQueries employees;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/overview")
    public Overview overview(@QueryParam("region") String region, @QueryParam("department") String department) {
        return overview.overview(ComplianceFilter.of(currentUser.regionScope(), region, department));
    }

    @GET
    @Path("/employees/{email}")
    public EmployeeCompliance employee(
            @PathParam("email") String email,
            @QueryParam("region") String region,
            @QueryParam("department") String department) {
        return employees.employee(email, ComplianceFilter.of(currentUser.regionScope(), region, department));
    }
}
