package io.heed.compliance.report;

import io.heed.compliance.ComplianceFilter;
import io.heed.platform.api.QueryParameters;
import io.heed.security.CurrentUser;
import io.heed.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * One campaign's reports (CSV, XLSX, PDF) and who receives the report by mail. The reports take the
 * {@code region} and {@code department} filters; a regional officer only ever sees their regions.
 */
@Path("/api/v1/campaigns")
@RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
class CampaignReportResource {

    static final String CSV = "text/csv; charset=UTF-8";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PDF = "application/pdf";

    @Inject
    ExportReports exports;

    @Inject
    ReportRecipients reportRecipients;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/{id}/report.csv")
    @Produces(CSV)
    public Response csv(
            @PathParam("id") long id,
            @QueryParam("region") String region,
            @QueryParam("department") String department,
            @QueryParam("bom") String bom) {
        boolean withBom = QueryParameters.optionalBoolean("bom", bom).orElse(false);
        ExportReports.Export export = exports.csv(id, filter(region, department), withBom, currentUser.name());
        return file(export.fileName(), export.body(), CSV).build();
    }

    @GET
    @Path("/{id}/report.xlsx")
    @Produces(XLSX)
    public Response xlsx(
            @PathParam("id") long id,
            @QueryParam("region") String region,
            @QueryParam("department") String department) {
        ExportReports.Export export = exports.xlsx(id, filter(region, department), currentUser.name());
        return file(export.fileName(), export.body(), XLSX).build();
    }

    @GET
    @Path("/{id}/report.pdf")
    @Produces(PDF)
    public Response pdf(
            @PathParam("id") long id,
            @QueryParam("region") String region,
            @QueryParam("department") String department) {
        ExportReports.Pdf pdf = exports.pdf(id, filter(region, department), currentUser.name());
        return file(pdf.fileName(), pdf.bytes(), PDF)
                .header("X-Heed-Data-SHA256", pdf.dataSha256())
                .build();
    }

    /** Who receives the campaign's report by mail: region (or {@code *} for every region) → addresses. */
    @GET
    @Path("/{id}/report-recipients")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, List<String>> reportRecipients(@PathParam("id") long id) {
        return reportRecipients.get(id, currentUser.regionScope());
    }

    @PUT
    @Path("/{id}/report-recipients")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    public Map<String, List<String>> setReportRecipients(
            @PathParam("id") long id, Map<String, List<String>> recipients) {
        return reportRecipients.set(id, recipients, currentUser.name());
    }

    private ComplianceFilter filter(String region, String department) {
        return ComplianceFilter.of(currentUser.regionScope(), region, department);
    }

    private static Response.ResponseBuilder file(String name, Object body, String type) {
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store");
    }
}
