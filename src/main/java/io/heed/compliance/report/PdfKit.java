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
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Heed's report look on OpenPDF: an A4 document with a footer on every page, its fonts (Liberation Sans, shipped
 * with OpenPDF and embedded as a subset, so every name prints whatever its script), colours, headings, tables and
 * cells, and a horizontal bar chart. Knows nothing of compliance: {@link ReportPdf} says what goes in.
 */
final class PdfKit {

    /** What a document's properties say. */
    record Info(String title, String author, String subject) {}

    /** The document's content, written through the kit in reading order. */
    @FunctionalInterface
    interface Content {
        void write(PdfKit kit) throws DocumentException;
    }

    /** One bar: a label, the filled share of the bar (0..1) and the value printed after it. */
    record Bar(String label, double share, String value) {}

    private static final Color INK = new Color(0x1f, 0x29, 0x37);
    private static final Color MUTED = new Color(0x55, 0x5f, 0x6d);
    private static final Color HEAD = new Color(0xe5, 0xe9, 0xf0);
    private static final Color BAR = new Color(0x2b, 0x6c, 0xb0);
    private static final Color BAR_BACK = new Color(0xe8, 0xec, 0xf2);
    private static final BaseFont BASE = font();
    private static final float MAX_CHART_HEIGHT = 600;
    private static final int BAR_LABEL_LENGTH = 22;

    private final Font title = new Font(BASE, 18, Font.NORMAL, INK);
    private final Font subtitle = new Font(BASE, 13, Font.NORMAL, MUTED);
    private final Font heading = new Font(BASE, 12, Font.NORMAL, BAR);
    private final Font body = new Font(BASE, 9, Font.NORMAL, INK);
    private final Font small = new Font(BASE, 8, Font.NORMAL, MUTED);
    private final Font mono = new Font(BASE, 8, Font.NORMAL, INK);
    private final Document document;
    private final PdfWriter writer;

    private PdfKit(Document document, PdfWriter writer) {
        this.document = document;
        this.writer = writer;
    }

    /** Renders a document: its properties, {@code footer} left and the page number right on every page. */
    static byte[] render(Info info, String footer, Content content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 42, 42, 48, 48);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new Footer(footer));
            document.addTitle(info.title());
            document.addAuthor(info.author());
            document.addCreator("Heed");
            document.addSubject(info.subject());
            document.open();
            content.write(new PdfKit(document, writer));
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not render the PDF '" + info.title() + "'", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    void title(String text) throws DocumentException {
        document.add(new Paragraph(text, title));
    }

    void subtitle(String text) throws DocumentException {
        document.add(new Paragraph(text, subtitle));
    }

    /** Vertical space of {@code height} points. */
    void space(float height) throws DocumentException {
        Paragraph p = new Paragraph(" ");
        p.setLeading(height);
        document.add(p);
    }

    /** A section's heading; what follows may run onto the next page. */
    void section(String name) throws DocumentException {
        Paragraph p = new Paragraph(name, heading);
        p.setSpacingBefore(14);
        p.setSpacingAfter(6);
        document.add(p);
    }

    /** A short section kept on one page with its heading. */
    void shortSection(String name, Paragraph content) throws DocumentException {
        Paragraph section = new Paragraph();
        section.setSpacingBefore(14);
        section.add(new Chunk(name + "\n", heading));
        section.add(new Chunk("\n", small));
        section.add(content);
        section.setKeepTogether(true);
        document.add(section);
    }

    void add(Element element) throws DocumentException {
        document.add(element);
    }

    /** Running text in the body font. */
    Chunk text(String text) {
        return new Chunk(text, body);
    }

    /** A note in the small, muted font. */
    Chunk note(String text) {
        return new Chunk(text, small);
    }

    /** Something to copy exactly (a hash, a command). */
    Chunk code(String text) {
        return new Chunk(text, mono);
    }

    static Paragraph paragraph(Chunk... chunks) {
        Paragraph p = new Paragraph();
        for (Chunk chunk : chunks) {
            p.add(chunk);
        }
        return p;
    }

    /** A borderless two-column table of labels and values. */
    PdfPTable labelled(float labelWidth, float valueWidth) {
        PdfPTable table = new PdfPTable(new float[] {labelWidth, valueWidth});
        table.setWidthPercentage(100);
        return table;
    }

    void labelled(PdfPTable table, String label, String value) {
        PdfPCell l = new PdfPCell(new Phrase(label, small));
        l.setBorder(Rectangle.NO_BORDER);
        l.setPaddingBottom(3);
        table.addCell(l);
        PdfPCell v = new PdfPCell(new Phrase(value == null ? "" : value, body));
        v.setBorder(Rectangle.NO_BORDER);
        v.setPaddingBottom(3);
        table.addCell(v);
    }

    /** A full-width table with relative column {@code widths} and a header row repeated on every page. */
    PdfPTable table(float[] widths, List<String> headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String h : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(h, small));
            cell.setBackgroundColor(HEAD);
            cell.setBorderColor(HEAD);
            cell.setPadding(4);
            table.addCell(cell);
        }
        return table;
    }

    /** A text cell; null prints as a dash. */
    void left(PdfPTable table, String text) {
        cell(table, text, Element.ALIGN_LEFT);
    }

    /** A figure's cell; null prints as a dash. */
    void right(PdfPTable table, String text) {
        cell(table, text, Element.ALIGN_RIGHT);
    }

    private void cell(PdfPTable table, String text, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "—" : text, body));
        cell.setHorizontalAlignment(align);
        cell.setBorderColor(HEAD);
        cell.setPadding(4);
        table.addCell(cell);
    }

    /**
     * A horizontal bar per entry across the page, or {@code empty} when there is none; scaled down to stay on one
     * page when there are dozens.
     */
    Image barChart(List<Bar> bars, String empty, String alt) throws DocumentException {
        float rowHeight = 16;
        float labelWidth = 110;
        float width = PageSize.A4.getWidth() - 84;
        float barWidth = width - labelWidth - 50;
        float height = Math.max(1, bars.size()) * rowHeight + 6;
        PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
        float y = height - rowHeight;
        for (Bar bar : bars) {
            template.setColorFill(BAR_BACK);
            template.rectangle(labelWidth, y + 3, barWidth, rowHeight - 6);
            template.fill();
            template.setColorFill(BAR);
            template.rectangle(labelWidth, y + 3, (float) (barWidth * bar.share()), rowHeight - 6);
            template.fill();
            text(template, truncate(bar.label(), BAR_LABEL_LENGTH), 0, y + 5);
            text(template, bar.value(), labelWidth + barWidth + 6, y + 5);
            y -= rowHeight;
        }
        if (bars.isEmpty()) {
            text(template, empty, 0, y + 5);
        }
        Image chart = Image.getInstance(template);
        chart.setAlt(alt);
        if (height > MAX_CHART_HEIGHT) {
            chart.scaleToFit(width, MAX_CHART_HEIGHT);
        }
        return chart;
    }

    private static void text(PdfTemplate template, String text, float x, float y) {
        template.beginText();
        template.setFontAndSize(BASE, 8);
        template.setColorFill(INK);
        template.showTextAligned(PdfContentByte.ALIGN_LEFT, text, x, y, 0);
        template.endText();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The footer's text and the page number at the foot of every page. */
    private static final class Footer extends PdfPageEventHelper {

        private final String text;

        Footer(String text) {
            this.text = text;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            canvas.beginText();
            canvas.setFontAndSize(BASE, 7);
            canvas.setColorFill(MUTED);
            canvas.showTextAligned(PdfContentByte.ALIGN_LEFT, text, document.left(), document.bottom() - 20, 0);
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
        try (InputStream in = PdfKit.class.getClassLoader().getResourceAsStream(name)) {
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
