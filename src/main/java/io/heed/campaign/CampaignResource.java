package io.heed.campaign;

import io.heed.platform.api.Page;
import io.heed.security.CurrentUser;
import io.heed.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** The campaign API: each method one use case or query, as the caller, within the caller's regions. */
@Path("/api/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
class CampaignResource {

    record AddRecipientsRequest(List<String> emails) {}

    @Inject
    EditCampaign edit;

    @Inject
    ChangeCampaignStatus changeStatus;

    @Inject
    LaunchCampaign launch;

    @Inject
    PreviewInvitation previews;

    @Inject
    SendTestInvitation testSends;

    @Inject
    CampaignQueries queries;

    @Inject
    CurrentUser currentUser;

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    public Response create(CampaignRequest request) {
        CampaignView created = view(edit.create(request, currentUser.name()));
        return Response.created(URI.create("/api/v1/campaigns/" + created.id()))
                .entity(created)
                .build();
    }

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
    public Page<CampaignView> list(
            @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        return queries.list(status, page, size, currentUser.regionScope());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
    public CampaignView get(@PathParam("id") long id) {
        return queries.get(id, currentUser.regionScope());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    public CampaignView update(@PathParam("id") long id, CampaignRequest request) {
        return view(edit.update(id, request, currentUser.name()));
    }

    @POST
    @Path("/{id}/schedule")
    @RolesAllowed(Role.ADMIN_NAME)
    public CampaignView schedule(@PathParam("id") long id) {
        return view(changeStatus.schedule(id, currentUser.name()));
    }

    @POST
    @Path("/{id}/launch")
    @RolesAllowed(Role.ADMIN_NAME)
    public CampaignView launch(@PathParam("id") long id) {
        return queries.get(launch.launch(id, currentUser.name()).campaignId(), currentUser.regionScope());
    }

    @POST
    @Path("/{id}/pause")
    @RolesAllowed(Role.ADMIN_NAME)
    public CampaignView pause(@PathParam("id") long id) {
        return view(changeStatus.pause(id, currentUser.name()));
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed(Role.ADMIN_NAME)
    public CampaignView resume(@PathParam("id") long id) {
        return view(changeStatus.resume(id, currentUser.name()));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Role.ADMIN_NAME)
    public CampaignView cancel(@PathParam("id") long id) {
        return view(changeStatus.cancel(id, currentUser.name()));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Role.ADMIN_NAME)
    public CampaignView close(@PathParam("id") long id) {
        return view(changeStatus.close(id, currentUser.name()));
    }

    /** Late joiners, added explicitly: the launch-time snapshot never changes by itself. */
    @POST
    @Path("/{id}/recipients")
    @RolesAllowed(Role.ADMIN_NAME)
    public LaunchCampaign.Added addRecipients(@PathParam("id") long id, AddRecipientsRequest request) {
        return launch.addRecipients(id, request == null ? null : request.emails(), currentUser.name());
    }

    @GET
    @Path("/{id}/preview")
    @RolesAllowed(Role.ADMIN_NAME)
    public PreviewInvitation.Preview preview(@PathParam("id") long id, @QueryParam("email") String email) {
        return previews.preview(id, email, currentUser.name());
    }

    @POST
    @Path("/{id}/test-send")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response testSend(@PathParam("id") long id, SendTestInvitation.Request request) {
        SendTestInvitation.Queued queued = testSends.send(id, request, currentUser.name());
        return Response.accepted(Map.of("testSend", queued.id(), "to", queued.to()))
                .build();
    }

    /** A campaign as the use case that changed it left it. */
    private CampaignView view(Campaign campaign) {
        return queries.view(campaign, currentUser.regionScope());
    }
}
