package io.heed.compliance.report;

import io.heed.audit.AuditLog;
import io.heed.compliance.CampaignFacts;
import io.heed.compliance.CampaignFactsQueries;
import io.heed.compliance.ComplianceFilter;
import io.heed.compliance.dashboard.Dashboard;
import io.heed.delivery.ComposedMail;
import io.heed.delivery.MessageComposer;
import io.heed.delivery.QueuedMessage;
import io.heed.platform.EmailAddresses;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a report mail when it is due: the region's PDF, current at that moment, attached to a short summary.
 * A recipient removed from the campaign's report recipients since the mail was queued gets nothing (the message
 * is cancelled). The PDF of one campaign and region is reused for {@value #REUSE_SECONDS} seconds, so the
 * several recipients of one region in one batch do not each pay for a pass over the campaign's rows.
 */
@ApplicationScoped
class ReportMailComposer implements MessageComposer {

    static final int REUSE_SECONDS = 60;
    static final String GENERATED_BY = "Heed (scheduled report mail)";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reportText(ReportView report);

        static native TemplateInstance reportHtml(ReportView report);
    }

    /** What the mail says about the attached report. */
    record ReportView(
            String campaign,
            String scope,
            String asOf,
            long recipients,
            long completed,
            String completionRate,
            long overdue,
            String dataSha256,
            String fileName) {}

    private record Rendered(Instant at, ReportSummary summary, byte[] pdf) {}

    private static final NamedSql STILL_WANTED = NamedSql.of("""
            select count(*) from compliance_report_recipient
             where campaign_id = :campaign and region = :region and email_key = :emailKey""");

    @Inject
    CampaignFactsQueries campaigns;

    @Inject
    Database database;

    @Inject
    ExportReports exports;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    private final Map<String, Rendered> recent = new ConcurrentHashMap<>();

    @Override
    public boolean handles(String kind) {
        return ReportMail.KIND.equals(kind);
    }

    @Override
    public Optional<ComposedMail> compose(QueuedMessage message) {
        ReportMailReference reference = ReportMailReference.parse(message.reference());
        long campaignId = reference.campaignId();
        String region = reference.region();
        if (!stillWanted(campaignId, region, message.toAddress())) {
            return Optional.empty();
        }
        Rendered rendered = render(campaignId, region);
        ReportSummary s = rendered.summary();
        String scope = ReportRecipients.ALL_REGIONS.equals(region) ? "all regions" : region;
        String fileName = ExportReports.fileName(s.facts(), s.filter(), "pdf");
        Dashboard.Group totals = s.byRegion().totals();
        ReportView view = new ReportView(
                s.facts().name(),
                scope,
                s.generatedAt().atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                totals.recipients(),
                totals.completed(),
                String.format(java.util.Locale.ROOT, "%.1f %%", totals.completionRate() * 100),
                totals.overdue(),
                s.dataSha256(),
                fileName);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("to", message.toAddress());
        details.put("regions", ReportRecipients.ALL_REGIONS.equals(region) ? "all" : List.of(region));
        details.put("dataSha256", s.dataSha256());
        details.put("rows", s.rows());
        auditLog.record(GENERATED_BY, "compliance.export.pdf.mail", "campaign:" + campaignId, details);
        return Optional.of(new ComposedMail(
                null,
                "Compliance report: " + s.facts().name() + " (" + scope + "), "
                        + DAY.format(s.generatedAt().atOffset(ZoneOffset.UTC)),
                Templates.reportText(view).render(),
                Templates.reportHtml(view).render(),
                List.of(new ComposedMail.Attachment(fileName, "application/pdf", rendered.pdf()))));
    }

    private boolean stillWanted(long campaignId, String region, String to) {
        Params params = Params.of("campaign", campaignId).and("region", region).and("emailKey", EmailAddresses.key(to));
        return database.number(STILL_WANTED, params) > 0;
    }

    private Rendered render(long campaignId, String region) {
        Instant now = clock.instant();
        String key = campaignId + ":" + region;
        recent.values().removeIf(r -> r.at().isBefore(now.minus(Duration.ofSeconds(REUSE_SECONDS))));
        return recent.computeIfAbsent(key, k -> {
            CampaignFacts facts = campaigns.facts(campaignId);
            ComplianceFilter filter = ReportRecipients.filter(region);
            ReportSummary summary = database.snapshot(
                    "summarise campaign " + campaignId + " for a report mail",
                    sql -> exports.summary(sql, facts, filter, now, GENERATED_BY));
            return new Rendered(now, summary, ReportPdf.render(summary));
        });
    }
}
