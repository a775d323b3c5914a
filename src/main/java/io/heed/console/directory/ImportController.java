package io.heed.console.directory;

import io.heed.console.Chrome;
import io.heed.console.ConsolePages;
import io.heed.console.ConsoleResponses;
import io.heed.console.Flash;
import io.heed.console.FormErrors;
import io.heed.directory.ImportResult;
import io.heed.directory.csv.DirectoryUploads;
import io.heed.platform.error.Refusal;
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
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The directory import: upload a CSV, see its dry run (what it would create, update, leave, deactivate, and every
 * rejected line), then apply it. Checking and applying run in the background ({@link DirectoryUploads}); the page
 * polls a small status fragment with htmx, and without JavaScript refreshes itself.
 */
@Path("/console/directory/import")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
class ImportController {

    static final int REJECTED_PAGE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(
                Chrome chrome,
                FormErrors errors,
                boolean deactivateMissing,
                List<DirectoryUploads.Upload> recent,
                long maxSize);

        static native TemplateInstance upload(
                Chrome chrome, DirectoryUploads.Upload upload, List<ImportResult.Rejected> rejected, int page);

        static native TemplateInstance upload$progress(
                Chrome chrome, DirectoryUploads.Upload upload, List<ImportResult.Rejected> rejected, int page);
    }

    @Inject
    ConsolePages pages;

    @Inject
    DirectoryUploads uploads;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance form() {
        return Templates.form(
                pages.chrome("directory", "Import employees"),
                FormErrors.NONE,
                false,
                uploads.latest(5),
                uploads.maxSize());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @RestForm("deactivateMissing") String deactivateMissing) {
        boolean deactivate = "on".equals(deactivateMissing) || "true".equals(deactivateMissing);
        try {
            if (file == null || file.fileName() == null || file.fileName().isBlank()) {
                throw Refusal.invalid("file: choose the CSV file to upload.");
            }
            long id = uploads.upload(file.fileName(), file.uploadedFile(), deactivate, currentUser.name());
            return ConsoleResponses.seeOther("/console/directory/import/" + id);
        } catch (Refusal refusal) {
            int status = refusal.kind() == Refusal.Kind.TOO_LARGE ? 413 : 422;
            FormErrors errors = FormErrors.of(refusal);
            if (!errors.has("file")) {
                errors = FormErrors.field("file", refusal.reason());
            }
            return Response.status(status)
                    .type("text/html;charset=UTF-8")
                    .entity(Templates.form(
                                    pages.chrome("directory", "Import employees"),
                                    errors,
                                    deactivate,
                                    uploads.latest(5),
                                    uploads.maxSize())
                            .render())
                    .build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance upload(@PathParam("id") long id, @QueryParam("page") @DefaultValue("0") int page) {
        DirectoryUploads.Upload upload = uploads.find(id);
        int shown = Math.max(0, page);
        return Templates.upload(
                pages.chrome("directory", "Import " + upload.fileName()),
                upload,
                upload.rejected(shown, REJECTED_PAGE),
                shown);
    }

    /** The progress fragment htmx polls; once the work is done it asks for the whole page again. */
    @GET
    @Path("/{id}/status")
    public Response status(@PathParam("id") long id) {
        DirectoryUploads.Upload upload = uploads.find(id);
        if (!upload.status().working()) {
            return Response.ok("").header("HX-Refresh", "true").build();
        }
        return Response.ok(Templates.upload$progress(pages.chrome("directory", "Import"), upload, List.of(), 0)
                        .render())
                .type("text/html;charset=UTF-8")
                .build();
    }

    @POST
    @Path("/{id}/apply")
    public Response apply(@PathParam("id") long id) {
        uploads.apply(id, currentUser.name());
        return ConsoleResponses.seeOther(
                "/console/directory/import/" + id,
                Flash.info("Applying the import: the page updates when it is done."));
    }
}
