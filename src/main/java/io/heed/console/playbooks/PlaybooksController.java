package io.heed.console.playbooks;

import io.heed.console.Chrome;
import io.heed.console.ConsolePages;
import io.heed.console.ConsoleResponses;
import io.heed.console.Flash;
import io.heed.console.FormErrors;
import io.heed.platform.error.Refusal;
import io.heed.playbook.AddPlaybookVersion;
import io.heed.playbook.DraftFromAdvisory;
import io.heed.playbook.LocalizedPlaybook;
import io.heed.playbook.MessageKind;
import io.heed.playbook.PlaybookCatalogue;
import io.heed.playbook.PlaybookDefinition;
import io.heed.playbook.PlaybookQueries;
import io.heed.playbook.PlaybookVersion;
import io.heed.playbook.RenderedMessage;
import io.heed.security.CurrentUser;
import io.heed.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The playbook pages: catalogue, a version per language with its e-mails rendered, a new version edited in the
 * browser (saved through {@link AddPlaybookVersion}, the API's use case), and a draft from an advisory. Reading is
 * for every role; writing for administrators.
 */
@Path("/console/playbooks")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
class PlaybooksController {

    /** One e-mail of a version, rendered for a sample reader: subject, HTML (shown sandboxed) and text. */
    record Mail(String kind, String label, String subject, String html, String text) {}

    /** The live preview: the e-mail as drafted, or why it cannot be rendered yet. */
    record Preview(String kind, String lang, List<String> languages, Mail mail, List<String> problems) {
        public boolean shown() {
            return mail != null || !problems.isEmpty();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance catalogue(Chrome chrome, List<PlaybookQueries.PlaybookSummary> playbooks);

        static native TemplateInstance playbook(
                Chrome chrome,
                PlaybookQueries.PlaybookDetail detail,
                LocalizedPlaybook localized,
                String lang,
                List<Mail> mails,
                long maxUploadSize);

        static native TemplateInstance edit(
                Chrome chrome, PlaybookForm form, FormErrors errors, Map<String, String> fields, Preview preview);

        static native TemplateInstance edit$preview(Preview preview);

        static native TemplateInstance advisory(Chrome chrome, String text, String error);
    }

    @Inject
    ConsolePages pages;

    @Inject
    PlaybookQueries queries;

    @Inject
    PlaybookCatalogue catalogue;

    @Inject
    AddPlaybookVersion addVersion;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @GET
    public TemplateInstance list() {
        return Templates.catalogue(pages.chrome("playbooks", "Playbooks"), queries.catalogue());
    }

    @GET
    @Path("/{key}")
    public TemplateInstance playbook(
            @PathParam("key") String key, @QueryParam("version") Integer version, @QueryParam("lang") String lang) {
        PlaybookQueries.PlaybookDetail detail = queries.detail(key, version);
        String language = lang != null && detail.languages().contains(lang) ? lang : "en";
        long versionId = queries.versionId(detail.key(), detail.version());
        Locale locale = Locale.forLanguageTag(language);
        List<Mail> mails = new ArrayList<>();
        for (MessageKind kind : MessageKind.values()) {
            RenderedMessage m = catalogue.sample(versionId, kind, locale);
            mails.add(new Mail(kind.fileName(), label(kind), m.subject(), m.html(), m.text()));
        }
        return Templates.playbook(
                pages.chrome("playbooks", detail.definition().title()),
                detail,
                catalogue.localized(versionId, locale),
                language,
                mails,
                addVersion.maxUploadSize());
    }

    @GET
    @Path("/new")
    @RolesAllowed(Role.ADMIN_NAME)
    public TemplateInstance newPlaybook() {
        return editPage(PlaybookForm.blank(queries.starterTemplates()), FormErrors.NONE, Map.of(), null);
    }

    @GET
    @Path("/{key}/edit")
    @RolesAllowed(Role.ADMIN_NAME)
    public TemplateInstance edit(@PathParam("key") String key, @QueryParam("version") Integer version) {
        return editPage(PlaybookForm.of(queries.detail(key, version)), FormErrors.NONE, Map.of(), null);
    }

    @GET
    @Path("/from-advisory")
    @RolesAllowed(Role.ADMIN_NAME)
    public TemplateInstance advisoryPage() {
        return Templates.advisory(pages.chrome("playbooks", "From an advisory"), "", null);
    }

    /** Proposes a draft from the pasted advisory and opens the edit form with it; nothing is stored yet. */
    @POST
    @Path("/from-advisory")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ADMIN_NAME)
    public Response fromAdvisory(@RestForm String advisory) {
        if (advisory == null || advisory.isBlank()) {
            return page(
                    422,
                    Templates.advisory(
                            pages.chrome("playbooks", "From an advisory"),
                            "",
                            "Paste the advisory's text: its opening and its recommended actions."));
        }
        if (advisory.length() > 100_000) {
            return page(
                    413,
                    Templates.advisory(
                            pages.chrome("playbooks", "From an advisory"),
                            advisory.substring(0, 1000),
                            "The text is longer than 100,000 characters: paste the advisory itself."));
        }
        DraftFromAdvisory.Draft draft =
                DraftFromAdvisory.propose(advisory, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        return page(
                200,
                editPage(
                        PlaybookForm.of(draft, queries.starterTemplates()),
                        new FormErrors(null, Map.of()),
                        Map.of(),
                        null));
    }

    /**
     * The edit form's buttons: save the version (303 to it), or re-render the form with one more step or deadline
     * row, without one step, or with the preview (no JavaScript needed for any of them).
     */
    @POST
    @Path("/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ADMIN_NAME)
    public Response submit(@BeanParam PostedPlaybook posted) {
        PlaybookForm form = posted.form(posted.baseVersion);
        boolean isNew = posted.isNew;
        Integer baseVersion = posted.baseVersion;
        String previewKind = posted.previewKind;
        String previewLang = posted.previewLang;
        String act = posted.action == null ? "save" : posted.action;
        if (act.equals("add-step")) {
            return page(200, editPage(form.withStep(), FormErrors.NONE, Map.of(), null));
        }
        if (act.equals("add-deadline")) {
            return page(200, editPage(form.withDeadline(), FormErrors.NONE, Map.of(), null));
        }
        if (act.startsWith("remove-step-")) {
            int index = parse(act.substring("remove-step-".length()));
            return page(200, editPage(form.withoutStep(index), FormErrors.NONE, Map.of(), null));
        }
        if (act.equals("preview")) {
            return page(200, editPage(form, FormErrors.NONE, Map.of(), preview(form, previewKind, previewLang)));
        }
        Map<String, String> problems = new LinkedHashMap<>();
        PlaybookDefinition definition = form.definition(problems);
        if (!isNew && baseVersion != null) {
            // An existing playbook keeps its key: the form shows it read-only.
            if (form.key().isEmpty()) {
                problems.put("key", "required");
            }
        }
        if (problems.isEmpty()) {
            try {
                PlaybookVersion saved = addVersion.fromApi(definition, form.templateFiles(), currentUser.name());
                return ConsoleResponses.seeOther(
                        "/console/playbooks/" + saved.key + "?version=" + saved.version,
                        Flash.success((saved.version == 1 ? "Playbook created" : "Version " + saved.version + " saved")
                                + ": " + definition.title() + "."));
            } catch (Refusal refusal) {
                FormErrors errors = FormErrors.of(refusal);
                return page(422, editPage(form, errors, PlaybookForm.fieldsOf(errors), null));
            }
        }
        return page(422, editPage(form, new FormErrors("The playbook has problems.", problems), problems, null));
    }

    /** The live preview fragment (htmx posts the whole form here as it is typed). */
    @POST
    @Path("/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.ADMIN_NAME)
    public TemplateInstance livePreview(@BeanParam PostedPlaybook posted) {
        return Templates.edit$preview(preview(posted.form(null), posted.previewKind, posted.previewLang));
    }

    private Preview preview(PlaybookForm form, String kindName, String lang) {
        MessageKind kind = "reminder".equals(kindName) ? MessageKind.REMINDER : MessageKind.INVITATION;
        List<String> languages = form.languages();
        String language = lang != null && languages.contains(lang) ? lang : "en";
        Map<String, String> problems = new LinkedHashMap<>();
        PlaybookDefinition definition = form.definition(problems);
        if (!problems.isEmpty()) {
            return new Preview(
                    kind.fileName(),
                    language,
                    languages,
                    null,
                    problems.entrySet().stream()
                            .map(e -> e.getKey() + ": " + e.getValue())
                            .toList());
        }
        try {
            RenderedMessage m =
                    addVersion.preview(definition, form.templateFiles(), kind, Locale.forLanguageTag(language));
            return new Preview(
                    kind.fileName(),
                    language,
                    languages,
                    new Mail(kind.fileName(), label(kind), m.subject(), m.html(), m.text()),
                    List.of());
        } catch (Refusal refusal) {
            List<String> problemList = new ArrayList<>();
            refusal.problems()
                    .forEach(p ->
                            problemList.add(p.field().equals("playbook") ? p.reason() : p.field() + ": " + p.reason()));
            if (problemList.isEmpty()) {
                problemList.add(refusal.reason());
            }
            return new Preview(kind.fileName(), language, languages, null, problemList);
        } catch (RuntimeException e) {
            // A template that parses but fails on the sample reader is already a refusal; anything else is shown
            // as a problem rather than breaking the form.
            return new Preview(
                    kind.fileName(),
                    language,
                    languages,
                    null,
                    List.of("The e-mail cannot be rendered: " + e.getMessage()));
        }
    }

    private TemplateInstance editPage(
            PlaybookForm form, FormErrors errors, Map<String, String> fields, Preview preview) {
        String heading = form.isNew() ? "New playbook" : "New version of " + form.title();
        Preview shown = preview != null ? preview : new Preview("invitation", "en", form.languages(), null, List.of());
        return Templates.edit(pages.chrome("playbooks", heading), form, errors, fields, shown);
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status)
                .type("text/html;charset=UTF-8")
                .entity(page.render())
                .build();
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String label(MessageKind kind) {
        return kind == MessageKind.INVITATION ? "Invitation" : "Reminder";
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
