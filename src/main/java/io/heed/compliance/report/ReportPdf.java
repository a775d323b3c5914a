package io.heed.compliance.report;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import io.heed.campaign.Audience;
import io.heed.campaign.Campaign;
import io.heed.compliance.CampaignFacts;
import io.heed.compliance.ComplianceFilter;
import io.heed.compliance.dashboard.Dashboard;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The compliance summary an auditor files, as it reads: campaign, playbook and version, audience, dates,
 * completion by region (table and bar chart), the per-step funnel, overdue regions, who generated it and when,
 * and the SHA-256 of the per-recipient data that the CSV export reproduces. What each section says, from a
 * {@link ReportSummary}; how it looks is {@link PdfKit}'s.
 */
final class ReportPdf {

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final ReportSummary summary;
    private final PdfKit kit;

    private ReportPdf(ReportSummary summary, PdfKit kit) {
        this.summary = summary;
        this.kit = kit;
    }

    static byte[] render(ReportSummary summary) {
        CampaignFacts facts = summary.facts();
        return PdfKit.render(
                new PdfKit.Info(
                        "Compliance report: " + facts.name(),
                        summary.generatedBy(),
                        "Campaign " + facts.id() + ", data SHA-256 " + summary.dataSha256()),
                "Heed compliance report · campaign " + facts.id() + " · generated " + time(summary.generatedAt()),
                kit -> new ReportPdf(summary, kit).write());
    }

    private void write() throws DocumentException {
        kit.title("Compliance report");
        kit.subtitle(summary.facts().name());
        kit.space(6);
        kit.add(facts());

        kit.section("Completion by region");
        kit.add(regionTable());
        kit.space(8);
        kit.add(kit.barChart(bars(), "No recipients in this report.", "Completion rate by region"));

        kit.section("Per-step funnel");
        kit.add(funnel());

        kit.shortSection("Overdue regions", overdue());
        kit.shortSection("Data integrity", integrity());
    }

    private PdfPTable facts() {
        CampaignFacts f = summary.facts();
        PdfPTable table = kit.labelled(1.3f, 4f);
        kit.labelled(table, "Campaign", "#" + f.id() + " " + f.name() + " (" + f.status() + ")");
        kit.labelled(
                table, "Playbook", f.playbookTitle() + " — " + f.playbookKey() + ", version " + f.playbookVersion());
        kit.labelled(table, "Audience", audience(f.audience()));
        kit.labelled(table, "Recipients", count(summary.byRegion().totals().recipients()));
        kit.labelled(
                table,
                "Dates",
                "created " + time(f.createdAt()) + "; launched " + time(f.launchedAt()) + "; all sent "
                        + time(f.allSentAt()) + "; ended " + time(f.endedAt()));
        kit.labelled(table, "Deadlines", deadlines(f, summary.filter()));
        kit.labelled(table, "Report covers", scope());
        kit.labelled(table, "Generated", time(summary.generatedAt()) + " by " + summary.generatedBy());
        return table;
    }

    private PdfPTable regionTable() {
        PdfPTable table = kit.table(
                new float[] {2.2f, 1.2f, 1f, 1f, 1f, 1.2f, 1f, 1.5f, 1f},
                List.of(
                        "Region",
                        "Recipients",
                        "Sent",
                        "Failed",
                        "Visited",
                        "Completed",
                        "Rate",
                        "Deadline",
                        "Overdue"));
        for (Dashboard.Group g : summary.byRegion().groups()) {
            regionRow(table, g.key(), g);
        }
        regionRow(table, "All", summary.byRegion().totals());
        return table;
    }

    private void regionRow(PdfPTable table, String label, Dashboard.Group g) {
        kit.left(table, label);
        kit.right(table, count(g.recipients()));
        kit.right(table, count(g.sent()));
        kit.right(table, count(g.failed()));
        kit.right(table, count(g.visited()));
        kit.right(table, count(g.completed()));
        kit.right(table, percent(g.completionRate()));
        kit.left(table, g.deadline() == null ? "—" : g.deadline().toString());
        kit.right(table, count(g.overdue()));
    }

    /** A bar per region: its completion rate. */
    private List<PdfKit.Bar> bars() {
        return summary.byRegion().groups().stream()
                .map(g -> new PdfKit.Bar(
                        g.key() == null ? "(none)" : g.key(), g.completionRate(), percent(g.completionRate())))
                .toList();
    }

    private PdfPTable funnel() {
        Dashboard.Group t = summary.byRegion().totals();
        PdfPTable table = kit.table(
                new float[] {4f, 1.3f, 1.3f, 1.3f, 1.2f},
                List.of("Stage", "Done", "Not applicable", "Answered", "Of recipients"));
        funnelRow(table, "Recipients", t.recipients(), null, t.recipients(), t.recipients());
        funnelRow(table, "Invitation sent", t.sent(), null, t.sent(), t.recipients());
        funnelRow(table, "Visited (not automated)", t.visited(), null, t.visited(), t.recipients());
        for (CampaignFacts.Step step : summary.facts().steps()) {
            Dashboard.StepCount c = t.steps().get(step.key());
            funnelRow(
                    table,
                    "Step: " + step.title() + " (" + step.key() + ")",
                    c.done(),
                    c.notApplicable(),
                    c.done() + c.notApplicable(),
                    t.recipients());
        }
        funnelRow(table, "Completed (every step answered)", t.completed(), null, t.completed(), t.recipients());
        return table;
    }

    private void funnelRow(PdfPTable table, String stage, long done, Long notApplicable, long answered, long of) {
        kit.left(table, stage);
        kit.right(table, count(done));
        kit.right(table, notApplicable == null ? "" : count(notApplicable));
        kit.right(table, count(answered));
        kit.right(table, percent(Dashboard.rate(answered, of)));
    }

    private Paragraph overdue() {
        List<String> lines = new ArrayList<>();
        for (Dashboard.Group g : summary.byRegion().groups()) {
            if (g.overdue() > 0) {
                lines.add(g.key() + ": " + g.overdue() + " of " + g.recipients()
                        + " recipients not completed after the " + "deadline "
                        + (g.deadline() == null ? "" : g.deadline().toString()));
            }
        }
        if (lines.isEmpty()) {
            lines.add("None: no recipient in this report is past their deadline without having completed.");
        }
        Paragraph p = PdfKit.paragraph();
        for (String line : lines) {
            p.add(kit.text(line + "\n"));
        }
        p.add(kit.note("A recipient is overdue once the end of their region's deadline day, in their own time zone, has"
                + " passed (as of " + time(summary.generatedAt()) + ")."));
        return p;
    }

    private Paragraph integrity() {
        CampaignFacts f = summary.facts();
        return PdfKit.paragraph(
                kit.text("SHA-256 of the per-recipient data (" + count(summary.rows()) + " rows):\n"),
                kit.code(summary.dataSha256() + "\n"),
                kit.note("This is the SHA-256 of the body of GET /api/v1/campaigns/" + f.id() + "/report.csv"
                        + query()
                        + " (UTF-8, without the optional byte order mark), read from the same database snapshot as"
                        + " the counts above and requested with the same access: recompute it with\n"),
                kit.code("curl -s -H 'Authorization: Bearer <token>' '<heed>/api/v1/campaigns/" + f.id() + "/report.csv"
                        + query() + "' | sha256sum\n"),
                kit.note("The same hash means the same rows. While a campaign runs, answers keep arriving and the"
                        + " hash of a later export differs; once it is closed, every export reproduces it."));
    }

    /**
     * The CSV request that reproduces the hash: the same region and department filters. With several regions
     * (an officer's whole scope) the caller's access implies them; one region is named, so that an admin or that
     * region's officer gets the same rows.
     */
    private String query() {
        List<String> params = new ArrayList<>();
        ComplianceFilter filter = summary.filter();
        if (filter.regionList().size() == 1) {
            params.add("region=" + encode(filter.regionList().get(0)));
        }
        filter.department().ifPresent(d -> params.add("department=" + encode(d)));
        return params.isEmpty() ? "" : "?" + String.join("&", params);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String scope() {
        ComplianceFilter filter = summary.filter();
        String regions =
                filter.regions().isPresent() ? "regions " + String.join(", ", filter.regionList()) : "all regions";
        String department = filter.department().map(d -> ", department " + d).orElse(", all departments");
        return regions + department + " (" + count(summary.rows()) + " recipients)";
    }

    private static String audience(Audience a) {
        List<String> parts = new ArrayList<>();
        if (!a.regions().isEmpty()) {
            parts.add("regions " + String.join(", ", a.regions()));
        }
        if (!a.departments().isEmpty()) {
            parts.add("departments " + String.join(", ", a.departments()));
        }
        if (!a.countries().isEmpty()) {
            parts.add("countries " + String.join(", ", a.countries()));
        }
        String base = parts.isEmpty() ? "every active employee" : "active employees in " + String.join("; ", parts);
        if (!a.includeEmails().isEmpty()) {
            base += ", plus " + a.includeEmails().size() + " named";
        }
        if (!a.excludeEmails().isEmpty()) {
            base += ", minus " + a.excludeEmails().size() + " excluded";
        }
        return base;
    }

    /** The campaign's deadlines; a report of some regions names theirs only. */
    private static String deadlines(CampaignFacts facts, ComplianceFilter filter) {
        String suffix = " (end of that day in each recipient's time zone)";
        if (filter.regions().isPresent()) {
            return filter.regionList().stream()
                            .map(r -> r + " " + (facts.deadlineFor(r) == null ? "none" : facts.deadlineFor(r)))
                            .collect(Collectors.joining("; "))
                    + suffix;
        }
        Map<String, LocalDate> deadlines = facts.deadlines();
        if (deadlines.isEmpty()) {
            return "none";
        }
        return deadlines.entrySet().stream()
                        .map(e -> (Campaign.WILDCARD_REGION.equals(e.getKey()) ? "other regions" : e.getKey()) + " "
                                + e.getValue())
                        .collect(Collectors.joining("; "))
                + suffix;
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }

    private static String time(Instant instant) {
        return instant == null ? "—" : UTC_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }
}
