package io.heed.directory.csv;

import io.heed.directory.ImportResult;
import io.heed.security.CurrentUser;
import io.heed.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** {@code POST /api/v1/employees/import}: the CSV import; the rest of the directory API is the directory's. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
class EmployeeImportResource {

    @Inject
    ImportEmployees importEmployees;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("/employees/import")
    @Consumes({"text/csv", "application/csv"})
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(
            summary = "Import employees from CSV",
            description = "Upsert by e-mail. Columns: email, name, region (required); department, country,"
                    + " manager_email, locale, timezone (optional).")
    public ImportResult importCsv(
            @RequestBody InputStream body,
            @HeaderParam("Content-Length") Long contentLength,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @QueryParam("deactivateMissing") @DefaultValue("false") boolean deactivateMissing) {
        return importEmployees.fromCsv(body, contentLength, dryRun, deactivateMissing, currentUser.name());
    }
}
