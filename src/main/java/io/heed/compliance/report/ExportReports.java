package io.heed.compliance.report;

import io.heed.audit.AuditLog;
import io.heed.compliance.CampaignFacts;
import io.heed.compliance.CampaignFactsQueries;
import io.heed.compliance.ComplianceFilter;
import io.heed.compliance.dashboard.CampaignDashboardQueries;
import io.heed.compliance.dashboard.Dashboard;
import io.heed.compliance.dashboard.GroupBy;
import io.heed.platform.database.Database;
import io.heed.platform.database.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exports a campaign's compliance as evidence: the per-recipient CSV and XLSX (streamed from a server-side
 * cursor, written as read) and the PDF summary, whose data hash is the SHA-256 of the CSV the same caller gets
 * with the same filters. Every export is audited (who, what, which regions) before its first byte leaves.
 */
@ApplicationScoped
public class ExportReports {

    @Inject
    CampaignFactsQueries campaigns;

    @Inject
    CampaignDashboardQueries dashboards;

    @Inject
    Database database;

    @Inject
    ReportsConfig config;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    /** A file to send. */
    public record Export(String fileName, StreamingOutput body) {}

    /** A rendered PDF, with what it states about the data. */
    public record Pdf(String fileName, byte[] bytes, String dataSha256, long rows) {}

    public Export csv(long campaignId, ComplianceFilter filter, boolean bom, String actor) {
        CampaignFacts facts = campaigns.facts(campaignId);
        audit(actor, "compliance.export.csv", facts, filter, Map.of("bom", bom));
        return new Export(fileName(facts, filter, "csv"), out -> {
            if (bom) {
                out.write(ReportCsv.BOM);
            }
            database.snapshot("export campaign " + campaignId + " as CSV", sql -> writeCsv(sql, facts, filter, out));
        });
    }

    public Export xlsx(long campaignId, ComplianceFilter filter, String actor) {
        CampaignFacts facts = campaigns.facts(campaignId);
        audit(actor, "compliance.export.xlsx", facts, filter, Map.of());
        Instant now = clock.instant();
        return new Export(
                fileName(facts, filter, "xlsx"),
                out -> database.snapshot(
                        "export campaign " + campaignId + " as XLSX",
                        sql -> ReportXlsx.write(sql, facts, filter, now, actor, config.fetchSize(), out)));
    }

    public Pdf pdf(long campaignId, ComplianceFilter filter, String actor) {
        CampaignFacts facts = campaigns.facts(campaignId);
        Instant now = clock.instant();
        ReportSummary summary = database.snapshot(
                "summarise campaign " + campaignId + " as PDF", sql -> summary(sql, facts, filter, now, actor));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("dataSha256", summary.dataSha256());
        details.put("rows", summary.rows());
        audit(actor, "compliance.export.pdf", facts, filter, details);
        return new Pdf(fileName(facts, filter, "pdf"), ReportPdf.render(summary), summary.dataSha256(), summary.rows());
    }

    /** What the PDF states: the counts by region and the hash of the CSV rows, read on the caller's snapshot. */
    ReportSummary summary(Sql sql, CampaignFacts facts, ComplianceFilter filter, Instant now, String actor)
            throws SQLException, IOException {
        Dashboard dashboard = dashboards.dashboard(sql, facts, GroupBy.REGION, filter, now);
        MessageDigest digest = io.heed.platform.Hashing.sha256();
        long rows = writeCsv(sql, facts, filter, new DigestOutputStream(OutputStream.nullOutputStream(), digest));
        return new ReportSummary(facts, dashboard, filter, HexFormat.of().formatHex(digest.digest()), rows, now, actor);
    }

    private long writeCsv(Sql sql, CampaignFacts facts, ComplianceFilter filter, OutputStream out)
            throws SQLException, IOException {
        ReportCsv csv = new ReportCsv(out);
        csv.writeHeader(facts.stepKeys());
        long rows = RecipientRows.stream(sql, facts, filter, config.fetchSize(), csv::write);
        csv.flush();
        return rows;
    }

    private void audit(
            String actor, String action, CampaignFacts facts, ComplianceFilter filter, Map<String, Object> extra) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("regions", filter.regions().isPresent() ? filter.regionList() : "all");
        details.put("department", filter.department().orElse("all"));
        details.putAll(extra);
        QuarkusTransaction.requiringNew().run(() -> auditLog.record(actor, action, "campaign:" + facts.id(), details));
    }

    static String fileName(CampaignFacts facts, ComplianceFilter filter, String extension) {
        String scope = filter.regions().isPresent() ? "-" + String.join("-", filter.regionList()) : "";
        String name = "campaign-" + facts.id() + "-compliance" + scope;
        return name.replaceAll("[^A-Za-z0-9._-]", "_") + "." + extension;
    }
}
