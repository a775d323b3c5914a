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
 * One campaign's dashboard, by region, department or country. Takes the {@code region} and {@code department}
 * filters; a regional officer only ever sees their regions.
 */
@Path("/api/v1/campaigns")
@RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
class CampaignDashboardResource {

    @Inject
    CampaignDashboardQueries dashboards;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/{id}/dashboard")
    @Produces(MediaType.APPLICATION_JSON)
    public Dashboard dashboard(
            @PathParam("id") long id,
            @QueryParam("groupBy") String groupBy,
            @QueryParam("region") String region,
            @QueryParam("department") String department) {
        return dashboards.dashboard(
                id, GroupBy.parse(groupBy), ComplianceFilter.of(currentUser.regionScope(), region, department));
    }
}
