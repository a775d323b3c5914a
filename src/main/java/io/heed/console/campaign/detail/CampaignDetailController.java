package io.heed.console.campaign.detail;

import io.heed.campaign.CampaignDeliveryQueries;
import io.heed.campaign.CampaignQueries;
import io.heed.campaign.CampaignStatus;
import io.heed.campaign.CampaignView;
import io.heed.campaign.ChangeCampaignStatus;
import io.heed.campaign.LaunchCampaign;
import io.heed.campaign.RecipientQueries;
import io.heed.campaign.RemindRecipients;
import io.heed.compliance.ComplianceFilter;
import io.heed.compliance.dashboard.CampaignDashboardQueries;
import io.heed.compliance.dashboard.Dashboard;
import io.heed.compliance.dashboard.GroupBy;
import io.heed.compliance.report.ExportReports;
import io.heed.compliance.report.ReportRecipients;
import io.heed.console.Chrome;
import io.heed.console.ConsolePages;
import io.heed.console.ConsoleResponses;
import io.heed.console.Flash;
import io.heed.console.FormErrors;
import io.heed.platform.api.Page;
import io.heed.platform.error.Refusal;
import io.heed.security.CurrentUser;
import io.heed.security.RegionScope;
import io.heed.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One campaign in the console: overview (state actions, live numbers, delivery and its failures), compliance
 * (by region, department or country; heat map; completions per day; overdue), exports and the weekly report's
 * recipients. Reads and actions are the JSON API's own use cases and queries, with the caller's region scope.
 */
@Path("/console/campaigns/{id: [0-9]+}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
class CampaignDetailController {

    static final int FAILURES_PAGE = 20;

    static final int RECIPIENTS_PAGE = 25;

    /** A state action the campaign's state allows now. */
    record Action(String name, String label, String style, String hint) {}

    /** The delivery panel: counts, pace, and when it should be done. */
    record Delivery(
            long queued, long sent, long failed, Integer ratePerMinute, Instant startsAt, Instant estimatedEnd) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance detail(
                Chrome chrome,
                CampaignView campaign,
                String tab,
                List<Action> actions,
                Live live,
                Delivery delivery,
                Page<CampaignDeliveryQueries.DeliveryFailure> failures,
                Compliance compliance,
                Map<String, List<String>> reportRecipients,
                FormErrors errors,
                Map<String, String> form,
                Recipients recipients);

        static native TemplateInstance detail$numbers(Live live);

        static native TemplateInstance remind(
                Chrome chrome, CampaignView campaign, long listed, Recipients recipients, long count, String refusal);
    }

    @Inject
    ConsolePages pages;

    @Inject
    CurrentUser currentUser;

    @Inject
    CampaignQueries campaigns;

    @Inject
    CampaignDeliveryQueries deliveries;

    @Inject
    ChangeCampaignStatus changeStatus;

    @Inject
    LaunchCampaign launch;

    @Inject
    CampaignDashboardQueries dashboards;

    @Inject
    ExportReports exports;

    @Inject
    ReportRecipients reportRecipients;

    @Inject
    LiveCampaigns live;

    @Inject
    RecipientQueries recipientQueries;

    @Inject
    RemindRecipients remind;

    @Inject
    Clock clock;

    // --- pages -------------------------------------------------------------------------------------------------

    @GET
    public TemplateInstance overview(@PathParam("id") long id, @QueryParam("failures") @DefaultValue("0") int page) {
        RegionScope scope = currentUser.regionScope();
        CampaignView campaign = campaigns.get(id, scope);
        Dashboard totals = dashboards.dashboard(id, GroupBy.REGION, ComplianceFilter.of(scope, null, null));
        Page<CampaignDeliveryQueries.DeliveryFailure> failures =
                deliveries.failures(id, Math.max(0, page), FAILURES_PAGE, scope);
        return Templates.detail(
                pages.chrome("campaigns", campaign.name()),
                campaign,
                "overview",
                actions(campaign),
                Live.of(id, totals.totals(), totals.asOf()),
                delivery(campaign),
                failures,
                null,
                null,
                FormErrors.NONE,
                Map.of(),
                null);
    }

    @GET
    @Path("/compliance")
    public TemplateInstance compliance(@PathParam("id") long id, @QueryParam("by") String by) {
        RegionScope scope = currentUser.regionScope();
        CampaignView campaign = campaigns.get(id, scope);
        GroupBy groupBy = GroupBy.parse(by);
        Dashboard dashboard = dashboards.dashboard(id, groupBy, ComplianceFilter.of(scope, null, null));
        return Templates.detail(
                pages.chrome("campaigns", campaign.name() + " · Compliance"),
                campaign,
                "compliance",
                actions(campaign),
                Live.of(id, dashboard.totals(), dashboard.asOf()),
                null,
                null,
                Compliance.of(dashboard, groupBy.name().toLowerCase(java.util.Locale.ROOT)),
                null,
                FormErrors.NONE,
                Map.of(),
                null);
    }

    @GET
    @Path("/exports")
    public TemplateInstance exportsPage(@PathParam("id") long id) {
        return exportsPage(id, FormErrors.NONE, Map.of());
    }

    private TemplateInstance exportsPage(long id, FormErrors errors, Map<String, String> form) {
        RegionScope scope = currentUser.regionScope();
        CampaignView campaign = campaigns.get(id, scope);
        return Templates.detail(
                pages.chrome("campaigns", campaign.name() + " · Exports"),
                campaign,
                "exports",
                actions(campaign),
                null,
                null,
                null,
                null,
                reportRecipients.get(id, scope),
                errors,
                form,
                null);
    }

    // --- who has not acted ---------------------------------------------------------------------------------------

    @GET
    @Path("/recipients")
    public TemplateInstance recipients(
            @PathParam("id") long id,
            @QueryParam("filter") String filter,
            @QueryParam("step") String step,
            @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") int page) {
        RegionScope scope = currentUser.regionScope();
        CampaignView campaign = campaigns.get(id, scope);
        Dashboard totals = dashboards.dashboard(id, GroupBy.REGION, ComplianceFilter.of(scope, null, null));
        RecipientQueries.Query query = query(filter, step, q);
        Page<RecipientQueries.RecipientRow> rows =
                recipientQueries.page(id, query, Math.max(0, page), RECIPIENTS_PAGE, scope);
        Recipients view = new Recipients(
                id,
                rows,
                query.filter(),
                query.step(),
                query.search(),
                Recipients.tabs(id, query.filter(), query.search(), totals.totals()),
                totals.steps(),
                totals.steps().size(),
                query.filter().remindable() && reminding(campaign),
                launch.lateJoiners(id, scope));
        return Templates.detail(
                pages.chrome("campaigns", campaign.name() + " · Recipients"),
                campaign,
                "recipients",
                actions(campaign),
                null,
                null,
                null,
                null,
                null,
                FormErrors.NONE,
                Map.of(),
                view);
    }

    /** "Remind these N": the confirmation, naming how many a reminder would go to now. */
    @GET
    @Path("/recipients/remind")
    public TemplateInstance remindConfirm(
            @PathParam("id") long id,
            @QueryParam("filter") String filter,
            @QueryParam("step") String step,
            @QueryParam("q") String q) {
        RegionScope scope = currentUser.regionScope();
        CampaignView campaign = campaigns.get(id, scope);
        RecipientQueries.Query query = query(filter, step, q);
        String refusal = null;
        if (!reminding(campaign)) {
            refusal = "Reminders go out only while a campaign is sending or active; this one is "
                    + label(campaign.status()).toLowerCase(java.util.Locale.ROOT) + ".";
        } else if (!query.filter().remindable()) {
            refusal = "Choose who should be reminded: people who have not visited, not finished, have a step open"
                    + " or are overdue.";
        }
        long count = refusal == null ? remind.preview(id, query, scope) : 0;
        long listed = refusal == null ? recipientQueries.count(id, query, scope) : 0;
        return Templates.remind(
                pages.chrome("campaigns", campaign.name() + " · Remind"),
                campaign,
                listed,
                new Recipients(
                        id, null, query.filter(), query.step(), query.search(), List.of(), List.of(), 0, false, 0),
                count,
                refusal);
    }

    @POST
    @Path("/recipients/remind")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response remind(
            @PathParam("id") long id,
            @FormParam("filter") String filter,
            @FormParam("step") String step,
            @FormParam("q") String q) {
        RegionScope scope = currentUser.regionScope();
        campaigns.get(id, scope);
        RecipientQueries.Query query = query(filter, step, q);
        String back = Recipients.base(id, query.filter(), query.step(), query.search()) + "page=0";
        try {
            int n = remind.remind(id, query, scope, currentUser.name()).queued();
            String done = n == 0
                    ? "Nobody to remind: everyone picked has completed, was reminded in the last 24 hours, or has"
                            + " not been delivered the invitation yet."
                    : "Reminder queued for " + io.heed.console.ConsoleFormat.grouped(n)
                            + (n == 1 ? " person." : " people.");
            return ConsoleResponses.seeOther(back, Flash.success(done));
        } catch (Refusal refusal) {
            if (refusal.kind() == Refusal.Kind.CONFLICT) {
                CampaignView campaign = campaigns.get(id, scope);
                return Response.status(409)
                        .entity(Templates.remind(
                                pages.chrome("campaigns", campaign.name() + " · Remind"),
                                campaign,
                                0,
                                new Recipients(
                                        id,
                                        null,
                                        query.filter(),
                                        query.step(),
                                        query.search(),
                                        List.of(),
                                        List.of(),
                                        0,
                                        false,
                                        0),
                                0,
                                refusal.reason()))
                        .type(MediaType.TEXT_HTML)
                        .build();
            }
            throw refusal;
        }
    }

    /** Adds the employees who joined the audience since launch (the late-joiner notice's "Add them"). */
    @POST
    @Path("/late-joiners")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response addLateJoiners(@PathParam("id") long id) {
        String back = "/console/campaigns/" + id + "/recipients";
        try {
            int added = launch.addLateJoiners(id, currentUser.name()).added();
            return ConsoleResponses.seeOther(
                    back,
                    Flash.success(
                            added == 0
                                    ? "Nobody to add: everyone in the audience is already a recipient."
                                    : "Added " + io.heed.console.ConsoleFormat.grouped(added)
                                            + (added == 1 ? " person" : " people")
                                            + " who joined the audience since launch; their invitations are queued."));
        } catch (Refusal refusal) {
            if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
                throw refusal;
            }
            return ConsoleResponses.seeOther(back, Flash.error(refusal.reason()));
        }
    }

    private static RecipientQueries.Query query(String filter, String step, String q) {
        return new RecipientQueries.Query(RecipientQueries.Filter.parse(filter), step, q);
    }

    private static boolean reminding(CampaignView c) {
        return c.status() == CampaignStatus.SENDING || c.status() == CampaignStatus.ACTIVE;
    }

    /** The live numbers: an SSE stream of the {@code numbers} fragment, one event per tick. */
    @GET
    @Path("/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @io.smallrye.common.annotation.Blocking // the visibility check reads the database
    public Multi<OutboundSseEvent> liveNumbers(@PathParam("id") long id, @Context Sse sse) {
        RegionScope scope = currentUser.regionScope();
        campaigns.get(id, scope); // not found (or not visible) answers like any page
        return live.watch(id, scope, sse);
    }

    // --- state actions -----------------------------------------------------------------------------------------

    @POST
    @Path("/{action: schedule|launch|pause|resume|cancel|close}")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response act(@PathParam("id") long id, @PathParam("action") String action) {
        String back = "/console/campaigns/" + id;
        String actor = currentUser.name();
        try {
            String done = switch (action) {
                case "schedule" -> {
                    changeStatus.schedule(id, actor);
                    yield "Campaign scheduled.";
                }
                case "launch" ->
                    "Campaign launched to "
                            + io.heed.console.ConsoleFormat.grouped(
                                    launch.launch(id, actor).recipients())
                            + " recipients.";
                case "pause" -> {
                    changeStatus.pause(id, actor);
                    yield "Campaign paused: no mail goes out until you resume it.";
                }
                case "resume" -> {
                    changeStatus.resume(id, actor);
                    yield "Campaign resumed.";
                }
                case "cancel" -> {
                    changeStatus.cancel(id, actor);
                    yield "Campaign cancelled: its queued mail was dropped.";
                }
                case "close" -> {
                    changeStatus.close(id, actor);
                    yield "Campaign closed: answers are kept and no more are taken.";
                }
                default -> throw new IllegalStateException(action);
            };
            return ConsoleResponses.seeOther(back, Flash.success(done));
        } catch (Refusal refusal) {
            if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
                throw refusal;
            }
            return ConsoleResponses.seeOther(back, Flash.error(refusal.reason()));
        }
    }

    // --- exports -----------------------------------------------------------------------------------------------

    @GET
    @Path("/report.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response csv(@PathParam("id") long id) {
        ExportReports.Export export = exports.csv(id, filter(), false, currentUser.name());
        return file(export.fileName(), export.body(), "text/csv; charset=UTF-8");
    }

    @GET
    @Path("/report.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    public Response xlsx(@PathParam("id") long id) {
        ExportReports.Export export = exports.xlsx(id, filter(), currentUser.name());
        return file(
                export.fileName(), export.body(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @GET
    @Path("/report.pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") long id) {
        ExportReports.Pdf pdf = exports.pdf(id, filter(), currentUser.name());
        return file(pdf.fileName(), pdf.bytes(), "application/pdf");
    }

    @POST
    @Path("/report-recipients/add")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response addReportRecipient(
            @PathParam("id") long id, @FormParam("region") String region, @FormParam("email") String email) {
        String r = region == null || region.isBlank() ? "*" : region.trim();
        String e = email == null ? "" : email.trim();
        Map<String, List<String>> recipients = copy(reportRecipients.get(id, RegionScope.ALL));
        if (e.isEmpty()) {
            return invalid(id, FormErrors.field("email", "Enter the address that should receive the report."), r, e);
        }
        recipients.computeIfAbsent(r, k -> new ArrayList<>()).add(e);
        try {
            reportRecipients.set(id, recipients, currentUser.name());
        } catch (Refusal refusal) {
            if (refusal.kind() != Refusal.Kind.INVALID) {
                throw refusal;
            }
            String reason = refusal.problems().isEmpty()
                    ? refusal.reason()
                    : refusal.problems().get(0).field() + ": "
                            + refusal.problems().get(0).reason();
            return invalid(id, FormErrors.field("email", reason), r, e);
        }
        return ConsoleResponses.seeOther(
                "/console/campaigns/" + id + "/exports",
                Flash.success(e + " will receive the weekly report" + ("*".equals(r) ? "." : " for " + r + ".")));
    }

    @POST
    @Path("/report-recipients/remove")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response removeReportRecipient(
            @PathParam("id") long id, @FormParam("region") String region, @FormParam("email") String email) {
        Map<String, List<String>> recipients = copy(reportRecipients.get(id, RegionScope.ALL));
        List<String> list = recipients.get(region);
        if (list != null) {
            list.remove(email);
            if (list.isEmpty()) {
                recipients.remove(region);
            }
        }
        reportRecipients.set(id, recipients, currentUser.name());
        return ConsoleResponses.seeOther(
                "/console/campaigns/" + id + "/exports",
                Flash.success(email + " no longer receives the weekly report."));
    }

    private Response invalid(long id, FormErrors errors, String region, String email) {
        return Response.status(422)
                .entity(exportsPage(id, errors, Map.of("region", region, "email", email)))
                .type(MediaType.TEXT_HTML)
                .build();
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> recipients) {
        Map<String, List<String>> copy = new TreeMap<>();
        recipients.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        return copy;
    }

    private ComplianceFilter filter() {
        return ComplianceFilter.of(currentUser.regionScope(), null, null);
    }

    private static Response file(String name, Object body, String type) {
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    // --- what the page shows -----------------------------------------------------------------------------------

    /** The moves {@code Campaign} allows from the campaign's state (it still decides, and refuses, on the POST). */
    static List<Action> actions(CampaignView c) {
        List<Action> actions = new ArrayList<>();
        CampaignStatus s = c.status();
        CampaignStatus from = c.pausedFrom();
        if (s == CampaignStatus.DRAFT) {
            actions.add(new Action("schedule", "Schedule", "btn", "Send at the planned time"));
        }
        if (s == CampaignStatus.DRAFT || s == CampaignStatus.SCHEDULED) {
            actions.add(new Action("launch", "Launch now", "btn btn-primary", "Snapshot the audience and send"));
        }
        if (s == CampaignStatus.SCHEDULED || s == CampaignStatus.SENDING || s == CampaignStatus.ACTIVE) {
            actions.add(new Action("pause", "Pause", "btn", "Hold mail and reminders"));
        }
        if (s == CampaignStatus.PAUSED) {
            actions.add(new Action("resume", "Resume", "btn btn-primary", "Carry on where it stopped"));
        }
        boolean running = s.isRunning() && !(s == CampaignStatus.PAUSED && from == CampaignStatus.SCHEDULED);
        if (running) {
            actions.add(new Action("close", "Close", "btn", "Stop taking answers"));
        }
        if (s == CampaignStatus.DRAFT
                || s == CampaignStatus.SCHEDULED
                || s == CampaignStatus.SENDING
                || (s == CampaignStatus.PAUSED && from != CampaignStatus.ACTIVE)) {
            actions.add(new Action("cancel", "Cancel", "btn btn-danger", "Drop queued mail"));
        }
        return actions;
    }

    private Delivery delivery(CampaignView c) {
        var counts = c.counts();
        Instant now = clock.instant();
        Instant start = c.sendAt() != null && c.sendAt().isAfter(now) ? c.sendAt() : now;
        Instant end = null;
        if (counts.queued() > 0 && c.ratePerMinute() != null && c.ratePerMinute() > 0) {
            long minutes = (counts.queued() + c.ratePerMinute() - 1) / c.ratePerMinute();
            end = start.plus(Duration.ofMinutes(minutes));
        }
        return new Delivery(
                counts.queued(),
                counts.sent(),
                counts.failed(),
                c.ratePerMinute(),
                c.sendAt() != null && c.sendAt().isAfter(now) ? c.sendAt() : null,
                end);
    }

    /** The badge a status wears: {@code {campaign.status.badge}}. */
    @io.quarkus.qute.TemplateExtension
    static String badge(CampaignStatus status) {
        return switch (status) {
            case SENDING, ACTIVE -> "badge badge-success";
            case SCHEDULED -> "badge badge-info";
            case PAUSED -> "badge badge-warning";
            case CANCELLED -> "badge badge-danger";
            default -> "badge";
        };
    }

    @io.quarkus.qute.TemplateExtension
    static String label(CampaignStatus status) {
        String name = status.name();
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
