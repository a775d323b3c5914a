package io.heed.console.campaigns;

import io.heed.campaign.Campaign;
import io.heed.campaign.CampaignQueries;
import io.heed.campaign.CampaignStatus;
import io.heed.campaign.CampaignView;
import io.heed.campaign.ChangeCampaignStatus;
import io.heed.campaign.EditCampaign;
import io.heed.campaign.LaunchCampaign;
import io.heed.campaign.PreviewInvitation;
import io.heed.campaign.SendTestInvitation;
import io.heed.console.Chrome;
import io.heed.console.ConsolePages;
import io.heed.console.ConsoleResponses;
import io.heed.console.Flash;
import io.heed.console.FormErrors;
import io.heed.delivery.OutboxQueries;
import io.heed.delivery.SendDeliveryCheck;
import io.heed.directory.EmployeeQueries;
import io.heed.directory.EmployeeView;
import io.heed.platform.api.Page;
import io.heed.platform.error.Refusal;
import io.heed.playbook.PlaybookCatalogue;
import io.heed.security.CurrentUser;
import io.heed.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The campaign list and the new-campaign wizard. Every step saves the DRAFT through {@link EditCampaign} (the
 * campaign API's own use case) and goes on; a refused step is shown again, 422, as entered, with each problem
 * beside its field. Launch and schedule re-check {@link Readiness} first, so a forged POST is refused.
 */
@Path("/console/campaigns")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
class CampaignsController {

    static final int PAGE_SIZE = 25;

    /** The wizard's steps in order: key and label. */
    static final List<Step> STEPS = List.of(
            new Step("playbook", "Playbook"),
            new Step("audience", "Audience"),
            new Step("schedule", "Schedule"),
            new Step("deadlines", "Deadlines"),
            new Step("preview", "Preview"),
            new Step("review", "Review"));

    record Step(String key, String label) {}

    /** The step indicator's entry: a step, whether it is the current one or before it, and its link. */
    record StepLink(int number, String key, String label, boolean current, boolean done, String href) {}

    /** A status tab of the list with its count. */
    record Tab(String key, String label, long count, boolean current, String href) {}

    /** A list row: the campaign and where its name leads (a draft resumes the wizard). */
    record Row(CampaignView campaign, String href, boolean draft, LocalDate deadline, String sent, String completed) {}

    /** Where a page of the list sits: "26–50 of 112", and the links to the pages around it. */
    record Pager(long from, long to, long total, String previous, String next) {
        static Pager of(Page<?> page, String base) {
            long from = page.total() == 0 ? 0 : (long) page.page() * page.size() + 1;
            long to = Math.min((long) (page.page() + 1) * page.size(), page.total());
            return new Pager(
                    from,
                    to,
                    page.total(),
                    page.page() > 0 ? base + "page=" + (page.page() - 1) : null,
                    to < page.total() ? base + "page=" + (page.page() + 1) : null);
        }
    }

    /** A playbook to choose: its key, latest version and title. */
    record PlaybookChoice(String key, int version, String title, String summary) {}

    /** One region of the audience with its people, for the live count. */
    record RegionCount(String region, long people, long headcount) {}

    /** The live recipient count: per region, and the total. */
    record Count(List<RegionCount> regions, long total) {}

    /** What every wizard page shows. */
    record Wizard(
            Long id,
            String step,
            List<StepLink> steps,
            WizardForm form,
            FormErrors errors,
            CampaignView campaign,
            String action,
            String deadlines) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(
                Chrome chrome,
                List<Tab> tabs,
                List<Row> rows,
                Page<CampaignView> page,
                String status,
                long all,
                Pager pager);

        static native TemplateInstance wizard(
                Chrome chrome,
                Wizard wizard,
                List<PlaybookChoice> playbooks,
                List<EmployeeQueries.RegionHeadcount> regions,
                Count count,
                SchedulePreview.Preview schedule,
                List<String> audienceRegions,
                List<EmployeeView> employees,
                PreviewInvitation.Preview preview,
                List<CampaignQueries.TestSendView> testSends,
                Readiness readiness);

        static native TemplateInstance count(Count count);

        static native TemplateInstance confirm(Chrome chrome, CampaignView campaign, Count count, String action);
    }

    @Inject
    ConsolePages pages;

    @Inject
    CurrentUser currentUser;

    @Inject
    CampaignQueries campaigns;

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
    SendDeliveryCheck deliveryCheck;

    @Inject
    OutboxQueries outbox;

    @Inject
    EmployeeQueries employees;

    @Inject
    PlaybookCatalogue playbooks;

    @Inject
    Clock clock;

    // --- the list -----------------------------------------------------------------------------------------

    @GET
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("page") @DefaultValue("0") int page) {
        String only = status == null || status.isBlank() ? "" : status.toLowerCase(Locale.ROOT);
        Map<CampaignStatus, Long> counts = campaigns.countByStatus();
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        List<Tab> tabs = new ArrayList<>();
        tabs.add(new Tab("", "All", all, only.isEmpty(), "/console/campaigns"));
        for (CampaignStatus s : CampaignStatus.values()) {
            String key = s.name().toLowerCase(Locale.ROOT);
            tabs.add(new Tab(key, label(s), counts.get(s), key.equals(only), "/console/campaigns?status=" + key));
        }
        Page<CampaignView> result = campaigns.list(only, Math.max(page, 0), PAGE_SIZE, currentUser.regionScope());
        boolean admin = currentUser.has(Role.ADMIN);
        List<Row> rows = result.items().stream().map(c -> row(c, admin)).toList();
        String base = only.isEmpty() ? "/console/campaigns?" : "/console/campaigns?status=" + only + "&";
        return Templates.list(
                pages.chrome("campaigns", "Campaigns"), tabs, rows, result, only, all, Pager.of(result, base));
    }

    /** A row; a draft's name resumes the wizard for an admin (who alone may edit it). */
    private static Row row(CampaignView c, boolean admin) {
        boolean draft = c.status() == CampaignStatus.DRAFT;
        LocalDate deadline = c.deadlines() == null
                ? null
                : c.deadlines().values().stream().min(Comparator.naturalOrder()).orElse(null);
        long recipients = c.counts().recipients();
        return new Row(
                c,
                draft && admin ? "/console/campaigns/" + c.id() + "/wizard/review" : "/console/campaigns/" + c.id(),
                draft,
                deadline,
                recipients == 0
                        ? "—"
                        : io.heed.console.ConsoleFormat.percent(
                                (double) c.counts().sent() / recipients),
                recipients == 0
                        ? "—"
                        : io.heed.console.ConsoleFormat.percent(
                                (double) c.counts().completed() / recipients));
    }

    static String label(CampaignStatus s) {
        String name = s.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    // --- step 1: a new draft ------------------------------------------------------------------------------

    @GET
    @Path("/new")
    @RolesAllowed(Role.ADMIN_NAME)
    public TemplateInstance create() {
        return page(null, "playbook", WizardForm.empty(), FormErrors.NONE);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ADMIN_NAME)
    public Response create(MultivaluedMap<String, String> posted) {
        WizardForm form = WizardForm.empty().with(posted);
        try {
            Campaign created = edit.create(form.request(), currentUser.name());
            return ConsoleResponses.seeOther(
                    "/console/campaigns/" + created.id + "/wizard/audience",
                    Flash.success("Draft saved. Choose who it asks."));
        } catch (Refusal refusal) {
            return refused(page(null, "playbook", form, FormErrors.of(refusal)), refusal);
        }
    }

    // --- every step ---------------------------------------------------------------------------------------

    @GET
    @Path("/{id}/wizard")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response resume(@PathParam("id") long id) {
        return ConsoleResponses.seeOther("/console/campaigns/" + id + "/wizard/review");
    }

    @GET
    @Path("/{id}/wizard/{step}")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response step(@PathParam("id") long id, @PathParam("step") String step, @QueryParam("as") String as) {
        CampaignView campaign = draft(id);
        if (!campaign.status().equals(CampaignStatus.DRAFT)) {
            return ConsoleResponses.seeOther(
                    "/console/campaigns/" + id,
                    Flash.info(
                            "The campaign is " + label(campaign.status()).toLowerCase() + ": its wizard is closed."));
        }
        WizardForm form = WizardForm.of(campaign);
        if (as != null && !as.isBlank()) {
            form = form.with(new MultivaluedHashMap<>(Map.of("as", as)));
        }
        return Response.ok(page(campaign, known(step), form, FormErrors.NONE)).build();
    }

    @POST
    @Path("/{id}/wizard/{step}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ADMIN_NAME)
    public Response save(
            @PathParam("id") long id, @PathParam("step") String step, MultivaluedMap<String, String> posted) {
        CampaignView campaign = draft(id);
        String current = known(step);
        WizardForm form = WizardForm.of(campaign).with(posted);
        try {
            edit.update(id, form.request(), currentUser.name());
        } catch (Refusal refusal) {
            return refused(page(campaign, current, form, FormErrors.of(refusal)), refusal);
        }
        String go = posted.getFirst("go");
        String next = "back".equals(go) ? neighbour(current, -1) : "stay".equals(go) ? current : neighbour(current, 1);
        return ConsoleResponses.seeOther(
                "/console/campaigns/" + id + "/wizard/" + next,
                "stay".equals(go) ? Flash.success("Draft saved.") : null);
    }

    /** The live recipient count of the audience as the form now has it (htmx swaps it; the Count button too). */
    @POST
    @Path("/{id}/wizard/audience/count")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ADMIN_NAME)
    public Response count(
            @PathParam("id") long id,
            MultivaluedMap<String, String> posted,
            @jakarta.ws.rs.HeaderParam("HX-Request") String htmx) {
        CampaignView campaign = draft(id);
        WizardForm form = WizardForm.of(campaign).with(posted);
        if (htmx != null) {
            return Response.ok(Templates.count(count(form))).build();
        }
        // Without JavaScript: the audience step again, as entered, with its count (not saved until "Save").
        return Response.ok(page(campaign, "audience", form, FormErrors.NONE)).build();
    }

    @POST
    @Path("/{id}/wizard/preview/test-send")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ADMIN_NAME)
    public Response testSend(@PathParam("id") long id, MultivaluedMap<String, String> posted) {
        CampaignView campaign = draft(id);
        String as = blankToNull(posted.getFirst("as"));
        String locale = blankToNull(posted.getFirst("locale"));
        try {
            SendTestInvitation.Queued queued = testSends.send(
                    id, new SendTestInvitation.Request(posted.getFirst("to"), as, locale), currentUser.name());
            return ConsoleResponses.seeOther(
                    "/console/campaigns/" + id + "/wizard/preview" + (as == null ? "" : "?as=" + encode(as)),
                    Flash.success("Test invitation queued to " + queued.to() + "."));
        } catch (Refusal refusal) {
            WizardForm form = WizardForm.of(campaign).with(posted);
            return refused(page(campaign, "preview", form, FormErrors.of(refusal)), refusal);
        }
    }

    @POST
    @Path("/{id}/wizard/review/check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ADMIN_NAME)
    public Response deliveryCheck(@PathParam("id") long id, MultivaluedMap<String, String> posted) {
        CampaignView campaign = draft(id);
        String to = posted.getFirst("checkTo");
        try {
            deliveryCheck.send(to, currentUser.name());
            return ConsoleResponses.seeOther(
                    "/console/campaigns/" + id + "/wizard/review",
                    Flash.success("Check message queued to " + to.trim() + "."));
        } catch (Refusal refusal) {
            WizardForm form = WizardForm.of(campaign).with(posted);
            return refused(
                    page(campaign, "review", form, FormErrors.field("checkTo", "not a valid e-mail address")), refusal);
        }
    }

    // --- schedule or launch -------------------------------------------------------------------------------

    /** The confirmation without JavaScript: it names the recipient count. */
    @GET
    @Path("/{id}/wizard/review/{action:launch|schedule}")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response confirm(@PathParam("id") long id, @PathParam("action") String action) {
        CampaignView campaign = draft(id);
        return Response.ok(Templates.confirm(
                        pages.chrome(
                                "campaigns", (action.equals("launch") ? "Launch " : "Schedule ") + campaign.name()),
                        campaign,
                        count(WizardForm.of(campaign)),
                        action))
                .build();
    }

    @POST
    @Path("/{id}/wizard/review/{action:launch|schedule}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ADMIN_NAME)
    public Response start(@PathParam("id") long id, @PathParam("action") String action) {
        CampaignView campaign = draft(id);
        WizardForm form = WizardForm.of(campaign);
        Readiness readiness = readiness(campaign, count(form));
        if (!readiness.ready()) {
            return Response.status(409)
                    .entity(page(campaign, "review", form, new FormErrors(readiness.reason(), Map.of())))
                    .build();
        }
        try {
            if (action.equals("schedule")) {
                changeStatus.schedule(id, currentUser.name());
                return ConsoleResponses.seeOther(
                        "/console/campaigns/" + id,
                        Flash.success("Campaign scheduled for " + io.heed.console.ConsoleFormat.utc(campaign.sendAt())
                                + "."));
            }
            LaunchCampaign.Launched launched = launch.launch(id, currentUser.name());
            return ConsoleResponses.seeOther(
                    "/console/campaigns/" + id,
                    Flash.success(String.format(
                            Locale.ENGLISH, "Campaign launched to %,d recipients.", launched.recipients())));
        } catch (Refusal refusal) {
            return refused(page(campaign, "review", form, FormErrors.of(refusal)), refusal);
        }
    }

    // --- building the pages -------------------------------------------------------------------------------

    private TemplateInstance page(CampaignView campaign, String step, WizardForm form, FormErrors errors) {
        Long id = campaign == null ? null : campaign.id();
        int at = index(step);
        List<StepLink> steps = new ArrayList<>();
        for (int i = 0; i < STEPS.size(); i++) {
            Step s = STEPS.get(i);
            steps.add(new StepLink(
                    i + 1,
                    s.key(),
                    s.label(),
                    i == at,
                    i < at,
                    id == null ? null : "/console/campaigns/" + id + "/wizard/" + s.key()));
        }
        String action = id == null ? "/console/campaigns/new" : "/console/campaigns/" + id + "/wizard/" + step;
        Wizard wizard = new Wizard(id, step, steps, form, errors, campaign, action, deadlines(campaign));
        String title = (id == null ? "New campaign" : form.v("name")) + " · "
                + STEPS.get(at).label();
        List<PlaybookChoice> playbookChoices = step.equals("playbook") ? playbookChoices() : List.of();
        List<EmployeeQueries.RegionHeadcount> regions =
                step.equals("audience") ? employees.regions(currentUser.regionScope()) : List.of();
        Count count = id == null ? new Count(List.of(), 0) : count(form);
        SchedulePreview.Preview schedule =
                step.equals("schedule") || step.equals("review") ? schedule(form, count) : null;
        List<String> audienceRegions =
                count.regions().stream().map(RegionCount::region).toList();
        List<EmployeeView> people = List.of();
        PreviewInvitation.Preview preview = null;
        List<CampaignQueries.TestSendView> sent = List.of();
        if (step.equals("preview") && id != null) {
            people = audienceSample(form);
            String as = form.v("as").isBlank()
                    ? people.stream().map(EmployeeView::email).findFirst().orElse(null)
                    : form.v("as");
            if (as != null) {
                try {
                    preview = previews.preview(id, as, currentUser.name());
                } catch (Refusal refusal) {
                    errors = errors.any() ? errors : FormErrors.field("as", refusal.reason());
                    wizard = new Wizard(id, step, steps, form, errors, campaign, action, deadlines(campaign));
                }
            }
            sent = campaigns.testSends(id, 5);
        }
        Readiness readiness = step.equals("review") && id != null ? readiness(campaign, count) : null;
        return Templates.wizard(
                pages.chrome("campaigns", title),
                wizard,
                playbookChoices,
                regions,
                count,
                schedule,
                audienceRegions,
                people,
                preview,
                sent,
                readiness);
    }

    private static String deadlines(CampaignView campaign) {
        if (campaign == null
                || campaign.deadlines() == null
                || campaign.deadlines().isEmpty()) {
            return "none yet";
        }
        List<String> parts = new ArrayList<>();
        campaign.deadlines()
                .forEach((region, date) -> parts.add((region.equals("*") ? "every other region" : region) + " "
                        + io.heed.console.ConsoleFormat.day(date)));
        return String.join("; ", parts);
    }

    private Readiness readiness(CampaignView campaign, Count count) {
        Optional<OutboxQueries.MessageView> check = outbox.latestDeliveryCheck();
        boolean testDelivered = campaigns.testSends(campaign.id(), 50).stream()
                .anyMatch(t -> t.status().equals("SENT"));
        Set<String> regions = new LinkedHashSet<>(
                count.regions().stream().map(RegionCount::region).toList());
        return Readiness.of(
                campaign.id(),
                check.map(OutboxQueries.MessageView::delivered).orElse(false),
                check.map(OutboxQueries.MessageView::state).orElse(null),
                testDelivered,
                count.total(),
                regions,
                campaign.deadlines() == null ? Map.of() : campaign.deadlines());
    }

    private Count count(WizardForm form) {
        var audience = form.audience();
        List<EmployeeQueries.ZoneCount> zones = employees.audienceByZone(
                audience.regions(),
                audience.departments(),
                audience.countries(),
                audience.includeEmails(),
                audience.excludeEmails(),
                currentUser.regionScope());
        Map<String, Long> byRegion = new LinkedHashMap<>();
        zones.forEach(z -> byRegion.merge(z.region(), z.employees(), Long::sum));
        Map<String, Long> headcounts = new LinkedHashMap<>();
        employees.regions(currentUser.regionScope()).forEach(r -> headcounts.put(r.region(), r.activeEmployees()));
        List<RegionCount> regions = byRegion.entrySet().stream()
                .map(e -> new RegionCount(e.getKey(), e.getValue(), headcounts.getOrDefault(e.getKey(), e.getValue())))
                .toList();
        return new Count(
                regions, regions.stream().mapToLong(RegionCount::people).sum());
    }

    private SchedulePreview.Preview schedule(WizardForm form, Count count) {
        var audience = form.audience();
        List<SchedulePreview.Zone> zones = employees
                .audienceByZone(
                        audience.regions(),
                        audience.departments(),
                        audience.countries(),
                        audience.includeEmails(),
                        audience.excludeEmails(),
                        currentUser.regionScope())
                .stream()
                .map(z -> new SchedulePreview.Zone(z.region(), z.timeZone(), z.employees()))
                .toList();
        java.time.Instant sendAt = null;
        LocalTime local = null;
        Duration spread = null;
        Integer rate = null;
        try {
            var request = form.request();
            sendAt = request.sendAt();
            local = request.localSendTime() == null ? null : LocalTime.parse(request.localSendTime());
            spread = request.spreadOver() == null ? null : Duration.parse(request.spreadOver());
            rate = request.ratePerMinute();
        } catch (RuntimeException unreadable) {
            // The form shows its own problems; the preview reads what it can.
        }
        return SchedulePreview.of(
                zones, new SchedulePreview.Schedule(form.v("mode"), sendAt, local, spread, rate), clock.instant());
    }

    private List<PlaybookChoice> playbookChoices() {
        return playbooks.catalogue().stream()
                .map(v -> {
                    var localized = playbooks.localized(v.id, Locale.ENGLISH);
                    return new PlaybookChoice(v.key, v.version, localized.title(), localized.summary());
                })
                .toList();
    }

    /** Up to 50 people of the audience to preview the invitation as, one of each language first. */
    private List<EmployeeView> audienceSample(WizardForm form) {
        var audience = form.audience();
        List<String> regions = audience.regions().isEmpty()
                ? employees.regions(currentUser.regionScope()).stream()
                        .map(EmployeeQueries.RegionHeadcount::region)
                        .toList()
                : audience.regions();
        List<EmployeeView> people = new ArrayList<>();
        for (String region : regions) {
            people.addAll(employees
                    .list(
                            new EmployeeQueries.Filter(
                                    Optional.of(region),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.empty(),
                                    Optional.of(true)),
                            currentUser.regionScope(),
                            0,
                            20)
                    .items());
            if (people.size() >= 50) {
                break;
            }
        }
        List<EmployeeView> firstOfEachLanguage = new ArrayList<>();
        Set<String> languages = new LinkedHashSet<>();
        for (EmployeeView e : people) {
            if (languages.add(e.locale())) {
                firstOfEachLanguage.add(e);
            }
        }
        people.stream().filter(e -> !firstOfEachLanguage.contains(e)).forEach(firstOfEachLanguage::add);
        return firstOfEachLanguage.stream().limit(50).toList();
    }

    private CampaignView draft(long id) {
        return campaigns.get(id, currentUser.regionScope());
    }

    private static Response refused(TemplateInstance page, Refusal refusal) {
        int status =
                refusal.kind() == Refusal.Kind.CONFLICT ? 409 : refusal.kind() == Refusal.Kind.NOT_FOUND ? 404 : 422;
        return Response.status(status).entity(page).build();
    }

    private static String known(String step) {
        return STEPS.stream().anyMatch(s -> s.key().equals(step)) ? step : "playbook";
    }

    private static int index(String step) {
        for (int i = 0; i < STEPS.size(); i++) {
            if (STEPS.get(i).key().equals(step)) {
                return i;
            }
        }
        return 0;
    }

    private static String neighbour(String step, int by) {
        int i = Math.max(0, Math.min(STEPS.size() - 1, index(step) + by));
        return STEPS.get(i).key();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
