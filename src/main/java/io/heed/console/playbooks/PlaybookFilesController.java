package io.heed.console.playbooks;

import io.heed.console.Chrome;
import io.heed.console.ConsolePages;
import io.heed.console.ConsoleResponses;
import io.heed.console.Flash;
import io.heed.platform.error.FieldProblem;
import io.heed.platform.error.Refusal;
import io.heed.playbook.AddPlaybookVersion;
import io.heed.playbook.PlaybookCatalogue;
import io.heed.playbook.PlaybookQueries;
import io.heed.playbook.PlaybookVersion;
import io.heed.security.CurrentUser;
import io.heed.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A playbook version as files: downloaded as a ZIP of its folder, uploaded as such a ZIP or as the files
 * themselves ({@link AddPlaybookVersion#fromUpload}, the folder's reader and checks). A refused upload shows every
 * problem by file and line (422, 413 when too large) and stores nothing.
 */
@Path("/console/playbooks")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
class PlaybookFilesController {

    /** The upload's field for the files; a problem under this name is shown beside it. */
    static final String FILES = "files";

    private static final Pattern LINE = Pattern.compile("line (\\d+): (.*)", Pattern.DOTALL);

    /** One problem of an upload: its file, its line (0 when the whole file), what is wrong. */
    record Problem(String file, int line, String message) {

        /** Reads the use case's problem: the field is the file, the reason starts with {@code line N: } if known. */
        static Problem of(FieldProblem problem) {
            Matcher m = LINE.matcher(problem.reason());
            return m.matches()
                    ? new Problem(problem.field(), Integer.parseInt(m.group(1)), m.group(2))
                    : new Problem(problem.field(), 0, problem.reason());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance upload(
                Chrome chrome, String key, List<Problem> problems, String summary, String fileError, long maxSize);
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

    /** The upload form: for a new version of {@code key}, or for a new playbook without it. */
    @GET
    @Path("/upload")
    @RolesAllowed(Role.ADMIN_NAME)
    public TemplateInstance uploadForm(@QueryParam("key") String key) {
        String shown =
                key == null || key.isBlank() ? null : queries.detail(key, null).key();
        return page(shown, List.of(), null, null);
    }

    @POST
    @Path("/upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Role.ADMIN_NAME)
    public Response upload(@RestForm(FILES) List<FileUpload> files, @RestForm("key") String key) {
        String forKey = key == null || key.isBlank() ? null : key;
        List<AddPlaybookVersion.UploadedFile> uploaded = files == null
                ? List.of()
                : files.stream()
                        .map(f -> new AddPlaybookVersion.UploadedFile(f.fileName(), f.uploadedFile()))
                        .toList();
        try {
            PlaybookVersion saved = addVersion.fromUpload(forKey, uploaded, currentUser.name());
            String title =
                    catalogue.localized(saved.id, java.util.Locale.ENGLISH).title();
            return ConsoleResponses.seeOther(
                    "/console/playbooks/" + saved.key + "?version=" + saved.version,
                    Flash.success((saved.version == 1 ? "Playbook uploaded" : "Version " + saved.version + " uploaded")
                            + ": " + title + "."));
        } catch (Refusal refusal) {
            List<Problem> problems = new ArrayList<>();
            String fileError = null;
            for (FieldProblem p : refusal.problems()) {
                if (p.field().equals(FILES)) {
                    fileError = p.reason();
                } else {
                    problems.add(Problem.of(p));
                }
            }
            int status = refusal.kind() == Refusal.Kind.TOO_LARGE ? 413 : 422;
            return Response.status(status)
                    .type("text/html;charset=UTF-8")
                    .entity(page(forKey, problems, refusal.reason(), fileError).render())
                    .build();
        }
    }

    /** The version as a ZIP of its folder: edit it and upload it again for a new version. */
    @GET
    @Path("/{key}/download")
    @Produces("application/zip")
    public Response download(@PathParam("key") String key, @QueryParam("version") Integer version) {
        PlaybookQueries.Archive archive = queries.archive(key, version);
        return Response.ok(archive.content(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + archive.fileName() + "\"")
                .build();
    }

    private TemplateInstance page(String key, List<Problem> problems, String summary, String fileError) {
        String title = key == null ? "Upload a playbook" : "Upload a version of " + key;
        return Templates.upload(
                pages.chrome("playbooks", title), key, problems, summary, fileError, addVersion.maxUploadSize());
    }
}
