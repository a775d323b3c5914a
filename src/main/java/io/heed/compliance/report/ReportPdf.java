package io.heed.compliance.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import io.heed.campaign.Audience;
import io.heed.compliance.CampaignFacts;
import io.heed.compliance.ComplianceFilter;
import io.heed.compliance.dashboard.Dashboard;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The compliance summary an auditor files: campaign, playbook and version, audience, dates, completion by region
 * (table and bar chart), the per-step funnel, overdue regions, who generated it and when, and the SHA-256 of the
 * per-recipient data that the CSV export reproduces. Rendered with OpenPDF; text in Liberation Sans (shipped
 * with OpenPDF, embedded as a subset) so every name prints, whatever its script.
 */
final class ReportPdf {

    /** What the report states; counts and hash come from one database snapshot. */
    record Summary(
            CampaignFacts facts,
            Dashboard byRegion,
            ComplianceFilter filter,
            String dataSha256,
            long rows,
            Instant generatedAt,
            String generatedBy) {}

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
    private static final Color INK = new Color(0x1f, 0x29, 0x37);
    private static final Color MUTED = new Color(0x55, 0x5f, 0x6d);
    private static final Color HEAD = new Color(0xe5, 0xe9, 0xf0);
    private static final Color BAR = new Color(0x2b, 0x6c, 0xb0);
    private static final Color BAR_BACK = new Color(0xe8, 0xec, 0xf2);
    private static final BaseFont BASE = font();
    private static final float MAX_CHART_HEIGHT = 600;

    private final Font title = new Font(BASE, 18, Font.NORMAL, INK);
    private final Font heading = new Font(BASE, 12, Font.NORMAL, BAR);
    private final Font body = new Font(BASE, 9, Font.NORMAL, INK);
    private final Font small = new Font(BASE, 8, Font.NORMAL, MUTED);
    private final Font mono = new Font(BASE, 8, Font.NORMAL, INK);
    private final Summary summary;

    private ReportPdf(Summary summary) {
        this.summary = summary;
    }

    static byte[] render(Summary summary) {
        return new ReportPdf(summary).render();
    }

    private byte[] render() {
        CampaignFacts facts = summary.facts();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 42, 42, 48, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new Footer());
            document.addTitle("Compliance report: " + facts.name());
            document.addAuthor(summary.generatedBy());
            document.addCreator("Heed");
            document.addSubject("Campaign " + facts.id() + ", data SHA-256 " + summary.dataSha256());
            document.open();

            document.add(new Paragraph("Compliance report", title));
            document.add(new Paragraph(facts.name(), new Font(BASE, 13, Font.NORMAL, MUTED)));
            document.add(spacer(6));
            document.add(facts());

            section(document, "Completion by region");
            document.add(regionTable());
            document.add(spacer(8));
            document.add(chart(writer));

            section(document, "Per-step funnel");
            document.add(funnel());

            document.add(withHeading("Overdue regions", overdue()));
            document.add(withHeading("Data integrity", integrity()));
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not render the compliance report", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private PdfPTable facts() {
        CampaignFacts f = summary.facts();
        PdfPTable table = new PdfPTable(new float[] {1.3f, 4f});
        table.setWidthPercentage(100);
        row(table, "Campaign", "#" + f.id() + " " + f.name() + " (" + f.status() + ")");
        row(table, "Playbook", f.playbookTitle() + " — " + f.playbookKey() + ", version " + f.playbookVersion());
        row(table, "Audience", audience(f.audience()));
        row(table, "Recipients", count(summary.byRegion().totals().recipients()));
        row(
                table,
                "Dates",
                "created " + time(f.createdAt()) + "; launched " + time(f.launchedAt()) + "; all sent "
                        + time(f.allSentAt()) + "; ended " + time(f.endedAt()));
        row(table, "Deadlines", deadlines(f, summary.filter()));
        row(table, "Report covers", scope());
        row(table, "Generated", time(summary.generatedAt()) + " by " + summary.generatedBy());
        return table;
    }

    private PdfPTable regionTable() {
        PdfPTable table = new PdfPTable(new float[] {2.2f, 1.2f, 1f, 1f, 1f, 1.2f, 1f, 1.5f, 1f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : List.of(
                "Region", "Recipients", "Sent", "Failed", "Visited", "Completed", "Rate", "Deadline", "Overdue")) {
            header(table, h);
        }
        for (Dashboard.Group g : summary.byRegion().groups()) {
            regionRow(table, g.key(), g);
        }
        regionRow(table, "All", summary.byRegion().totals());
        return table;
    }

    private void regionRow(PdfPTable table, String label, Dashboard.Group g) {
        cell(table, label, Element.ALIGN_LEFT);
        number(table, g.recipients());
        number(table, g.sent());
        number(table, g.failed());
        number(table, g.visited());
        number(table, g.completed());
        cell(table, percent(g.completionRate()), Element.ALIGN_RIGHT);
        cell(table, g.deadline() == null ? "—" : g.deadline().toString(), Element.ALIGN_LEFT);
        number(table, g.overdue());
    }

    /** A horizontal bar per region: its completion rate. */
    private Image chart(PdfWriter writer) throws DocumentException {
        List<Dashboard.Group> groups = summary.byRegion().groups();
        float rowHeight = 16;
        float labelWidth = 110;
        float width = PageSize.A4.getWidth() - 84;
        float barWidth = width - labelWidth - 50;
        float height = Math.max(1, groups.size()) * rowHeight + 6;
        PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
        float y = height - rowHeight;
        for (Dashboard.Group g : groups) {
            template.setColorFill(BAR_BACK);
            template.rectangle(labelWidth, y + 3, barWidth, rowHeight - 6);
            template.fill();
            template.setColorFill(BAR);
            template.rectangle(labelWidth, y + 3, (float) (barWidth * g.completionRate()), rowHeight - 6);
            template.fill();
            text(template, truncate(g.key(), 22), 0, y + 5, PdfContentByte.ALIGN_LEFT);
            text(template, percent(g.completionRate()), labelWidth + barWidth + 6, y + 5, PdfContentByte.ALIGN_LEFT);
            y -= rowHeight;
        }
        if (groups.isEmpty()) {
            text(template, "No recipients in this report.", 0, y + 5, PdfContentByte.ALIGN_LEFT);
        }
        Image chart = Image.getInstance(template);
        chart.setAlt("Completion rate by region");
        if (height > MAX_CHART_HEIGHT) {
            chart.scaleToFit(width, MAX_CHART_HEIGHT); // dozens of regions: smaller, still on one page
        }
        return chart;
    }

    private void text(PdfTemplate template, String text, float x, float y, int align) {
        template.beginText();
        template.setFontAndSize(BASE, 8);
        template.setColorFill(INK);
        template.showTextAligned(align, text, x, y, 0);
        template.endText();
    }

    private PdfPTable funnel() {
        Dashboard.Group t = summary.byRegion().totals();
        PdfPTable table = new PdfPTable(new float[] {4f, 1.3f, 1.3f, 1.3f, 1.2f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : List.of("Stage", "Done", "Not applicable", "Answered", "Of recipients")) {
            header(table, h);
        }
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
        cell(table, stage, Element.ALIGN_LEFT);
        number(table, done);
        cell(table, notApplicable == null ? "" : count(notApplicable), Element.ALIGN_RIGHT);
        number(table, answered);
        cell(table, percent(Dashboard.rate(answered, of)), Element.ALIGN_RIGHT);
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
        Paragraph p = new Paragraph();
        for (String line : lines) {
            p.add(new Chunk(line + "\n", body));
        }
        p.add(new Chunk(
                "A recipient is overdue once the end of their region's deadline day, in their own time zone, has"
                        + " passed (as of " + time(summary.generatedAt()) + ").",
                small));
        return p;
    }

    private Paragraph integrity() {
        CampaignFacts f = summary.facts();
        Paragraph p = new Paragraph();
        p.add(new Chunk("SHA-256 of the per-recipient data (" + count(summary.rows()) + " rows):\n", body));
        p.add(new Chunk(summary.dataSha256() + "\n", mono));
        p.add(new Chunk(
                "This is the SHA-256 of the body of GET /api/v1/campaigns/" + f.id() + "/report.csv" + query()
                        + " (UTF-8, without the optional byte order mark), read from the same database snapshot as"
                        + " the counts above and requested with the same access: recompute it with\n",
                small));
        p.add(new Chunk(
                "curl -s -H 'Authorization: Bearer <token>' '<heed>/api/v1/campaigns/" + f.id() + "/report.csv"
                        + query() + "' | sha256sum\n",
                mono));
        p.add(new Chunk(
                "The same hash means the same rows. While a campaign runs, answers keep arriving and the hash of a"
                        + " later export differs; once it is closed, every export reproduces it.",
                small));
        return p;
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
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
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
                        .map(e -> ("*".equals(e.getKey()) ? "other regions" : e.getKey()) + " " + e.getValue())
                        .collect(Collectors.joining("; "))
                + suffix;
    }

    /** A short section kept on one page with its heading. */
    private Paragraph withHeading(String name, Paragraph content) {
        Paragraph section = new Paragraph();
        section.setSpacingBefore(14);
        section.add(new Chunk(name + "\n", heading));
        section.add(new Chunk("\n", small));
        section.add(content);
        section.setKeepTogether(true);
        return section;
    }

    private void section(Document document, String name) throws DocumentException {
        Paragraph p = new Paragraph(name, heading);
        p.setSpacingBefore(14);
        p.setSpacingAfter(6);
        document.add(p);
    }

    private void row(PdfPTable table, String label, String value) {
        PdfPCell l = new PdfPCell(new Phrase(label, small));
        l.setBorder(Rectangle.NO_BORDER);
        l.setPaddingBottom(3);
        table.addCell(l);
        PdfPCell v = new PdfPCell(new Phrase(value == null ? "" : value, body));
        v.setBorder(Rectangle.NO_BORDER);
        v.setPaddingBottom(3);
        table.addCell(v);
    }

    private void header(PdfPTable table, String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, small));
        cell.setBackgroundColor(HEAD);
        cell.setBorderColor(HEAD);
        cell.setPadding(4);
        table.addCell(cell);
    }

    private void cell(PdfPTable table, String text, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "—" : text, body));
        cell.setHorizontalAlignment(align);
        cell.setBorderColor(HEAD);
        cell.setPadding(4);
        table.addCell(cell);
    }

    private void number(PdfPTable table, long value) {
        cell(table, count(value), Element.ALIGN_RIGHT);
    }

    private static String count(long value) {
        return String.format(java.util.Locale.ROOT, "%,d", value);
    }

    private static Paragraph spacer(float height) {
        Paragraph p = new Paragraph(" ");
        p.setLeading(height);
        return p;
    }

    private static String percent(double rate) {
        return String.format(java.util.Locale.ROOT, "%.1f %%", rate * 100);
    }

    private static String time(Instant instant) {
        return instant == null ? "—" : UTC_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    private static String truncate(String text, int max) {
        String t = text == null ? "(none)" : text;
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }

    /** Page number and the report's identity at the foot of every page. */
    private final class Footer extends PdfPageEventHelper {
        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            canvas.beginText();
            canvas.setFontAndSize(BASE, 7);
            canvas.setColorFill(MUTED);
            canvas.showTextAligned(
                    PdfContentByte.ALIGN_LEFT,
                    "Heed compliance report · campaign " + summary.facts().id() + " · generated "
                            + time(summary.generatedAt()),
                    document.left(),
                    document.bottom() - 20,
                    0);
            canvas.showTextAligned(
                    PdfContentByte.ALIGN_RIGHT,
                    "Page " + writer.getPageNumber(),
                    document.right(),
                    document.bottom() - 20,
                    0);
            canvas.endText();
        }
    }

    private static BaseFont font() {
        String name = "font-fallback/LiberationSans-Regular.ttf";
        try (InputStream in = ReportPdf.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the classpath (it ships with OpenPDF)");
            }
            return BaseFont.createFont(
                    "LiberationSans-Regular.ttf",
                    BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED,
                    true,
                    in.readAllBytes(),
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }
}
