package io.heed.campaign;

import io.heed.platform.api.Page;
import io.heed.platform.api.QueryParameters;
import io.heed.platform.error.Refusal;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

@Path("/api/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignResource {

    /** A campaign as the API shows it, with its recipients counted within the caller's regions. */
    public record CampaignView(
            long id,
            String name,
            String playbook,
            Integer playbookVersion,
            CampaignStatus status,
            CampaignStatus pausedFrom,
            Audience audience,
            Instant sendAt,
            String localSendTime,
            String spreadOver,
            Integer ratePerMinute,
            CampaignRequest.Reminders reminders,
            Map<String, LocalDate> deadlines,
            Integer escalateToManagerAfterDays,
            Instant createdAt,
            String createdBy,
            Instant launchedAt,
            Instant allSentAt,
            Instant endedAt,
            RecipientCounts.Counts counts) {

        static CampaignView of(Campaign c, Integer pinned, RecipientCounts.Counts counts) {
            return new CampaignView(
                    c.id,
                    c.name,
                    c.playbookKey,
                    pinned,
                    c.status,
                    c.pausedFrom,
                    c.audience,
                    c.sendAt,
                    c.localSendTime == null ? null : c.localSendTime.toString(),
                    c.spreadOver() == null ? null : c.spreadOver().toString(),
                    c.ratePerMinute,
                    c.reminderEveryDays == null
                            ? null
                            : new CampaignRequest.Reminders(c.reminderEveryDays, c.reminderMax),
                    c.deadlines,
                    c.escalateAfterDays,
                    c.createdAt,
                    c.createdBy,
                    c.launchedAt,
                    c.allSentAt,
                    c.endedAt,
                    counts);
        }
    }

    public record AddRecipientsRequest(List<String> emails) {}

    @Inject
    EditCampaign edit;

    @Inject
    ChangeCampaignStatus changeStatus;

    @Inject
    LaunchCampaign launch;

    @Inject
    CampaignQueries queries;

    @Inject
    PreviewInvitation previews;

    @Inject
    SendTestInvitation testSends;

    @Inject
    RecipientCounts recipientCounts;

    @Inject
    CurrentUser currentUser;

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    public Response create(CampaignRequest request) {
        Campaign campaign = edit.create(request, currentUser.name());
        return Response.created(URI.create("/api/v1/campaigns/" + campaign.id))
                .entity(view(campaign))
                .build();
    }

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
    public Page<CampaignView> list(
            @QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        Page<Campaign> campaigns = queries.list(status(status), page, size);
        var counts =
                recipientCounts.of(campaigns.items().stream().map(c -> c.id).toList(), currentUser.regionScope());
        var pinned = queries.pinnedVersions(campaigns.items());
        return campaigns.map(c -> CampaignView.of(
                c, pinned.get(c.playbookVersionId), counts.getOrDefault(c.id, RecipientCounts.Counts.NONE)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
    public CampaignView get(@PathParam("id") long id) {
        return view(queries.get(id));
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
        launch.launch(id, currentUser.name());
        return get(id);
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

    private CampaignView view(Campaign campaign) {
        var counts = recipientCounts.of(List.of(campaign.id), currentUser.regionScope());
        var pinned = queries.pinnedVersions(List.of(campaign));
        return CampaignView.of(
                campaign,
                pinned.get(campaign.playbookVersionId),
                counts.getOrDefault(campaign.id, RecipientCounts.Counts.NONE));
    }

    private static Optional<CampaignStatus> status(String value) {
        return QueryParameters.optional(value).map(v -> {
            try {
                return CampaignStatus.valueOf(v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("status: one of DRAFT, SCHEDULED, SENDING, ACTIVE, PAUSED, CLOSED, CANCELLED.");
            }
        });
    }

    static String duration(Duration d) {
        return d == null ? null : d.toString();
    }
}
