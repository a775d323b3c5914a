package io.heed.compliance.report;

import io.heed.compliance.CampaignFacts;
import io.heed.compliance.ComplianceFilter;
import io.heed.platform.database.Sql;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The per-recipient rows of the CSV as an Excel workbook: typed cells (times as date cells in UTC,
 * {@code completed} as a boolean), text as text cells (never a formula: a value that looks like one also gets
 * Excel's quote prefix, so editing the cell keeps it text), and an "About" sheet saying what the file is.
 * Streaming (POI SXSSF): {@value #WINDOW} rows in memory, the rest in compressed temporary files until the
 * workbook is written out; a sheet holds at most 1,048,575 rows, so larger campaigns continue on a next sheet.
 */
final class ReportXlsx {

    static final int WINDOW = 200;
    private static final int MAX_ROWS_PER_SHEET = 1_048_575;

    private final SXSSFWorkbook workbook;
    private final CellStyle time;
    private final CellStyle quoted;
    private final CellStyle header;
    private final List<String> columns;
    private SXSSFSheet sheet;
    private int sheets;
    private int rowNumber;

    private ReportXlsx(SXSSFWorkbook workbook, List<String> columns) {
        this.workbook = workbook;
        this.columns = columns;
        time = workbook.createCellStyle();
        time.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
        quoted = workbook.createCellStyle();
        quoted.setQuotePrefixed(true);
        header = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
    }

    static long write(
            Sql sql,
            CampaignFacts facts,
            ComplianceFilter filter,
            Instant generatedAt,
            String generatedBy,
            int fetchSize,
            OutputStream out)
            throws SQLException, IOException {
        SXSSFWorkbook workbook = new SXSSFWorkbook(null, WINDOW, true, false);
        try {
            ReportXlsx xlsx = new ReportXlsx(workbook, ReportCsv.header(facts.stepKeys()));
            xlsx.nextSheet();
            long rows = RecipientRows.stream(sql, facts, filter, fetchSize, xlsx::row);
            xlsx.about(facts, filter, generatedAt, generatedBy, rows);
            workbook.write(out);
            return rows;
        } finally {
            workbook.close();
        }
    }

    private void nextSheet() {
        sheets++;
        sheet = workbook.createSheet(sheets == 1 ? "Recipients" : "Recipients " + sheets);
        rowNumber = 0;
        Row row = sheet.createRow(rowNumber++);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(columns.get(c));
            cell.setCellStyle(header);
        }
        sheet.createFreezePane(0, 1);
    }

    private void row(RecipientRow r) {
        if (rowNumber > MAX_ROWS_PER_SHEET) {
            nextSheet();
        }
        Row row = sheet.createRow(rowNumber++);
        int c = 0;
        text(row, c++, r.email());
        text(row, c++, r.name());
        text(row, c++, r.region());
        text(row, c++, r.department());
        text(row, c++, r.country());
        text(row, c++, r.deliveryStatus());
        time(row, c++, r.sentAt());
        time(row, c++, r.deadlineAt());
        for (int s = 0; s < r.stepStatus().length; s++) {
            text(row, c++, r.stepStatus()[s]);
            time(row, c++, r.stepAt()[s]);
        }
        row.createCell(c++).setCellValue(r.completed());
        time(row, c, r.completedAt());
    }

    private void text(Row row, int column, String value) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (!value.isEmpty() && ReportCsv.startsLikeAFormula(value)) {
            cell.setCellStyle(quoted);
        }
    }

    /** A date cell in UTC, from the row's ISO-8601 text ({@code ...Z}). */
    private void time(Row row, int column, String value) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(LocalDateTime.parse(value.substring(0, value.length() - 1)));
        cell.setCellStyle(time);
    }

    private void about(
            CampaignFacts facts, ComplianceFilter filter, Instant generatedAt, String generatedBy, long rows) {
        SXSSFSheet about = workbook.createSheet("About");
        String[][] lines = {
            {"Report", "Heed compliance report: one row per recipient"},
            {"Campaign", "#" + facts.id() + " " + facts.name() + " (" + facts.status() + ")"},
            {"Playbook", facts.playbookKey() + ", version " + facts.playbookVersion()},
            {"Regions", filter.regions().isPresent() ? String.join(", ", filter.regionList()) : "all"},
            {"Department", filter.department().orElse("all")},
            {"Recipients", Long.toString(rows)},
            {"Generated", generatedAt + " by " + generatedBy},
            {"Times", "UTC. Step columns: done, not_applicable or empty; <step>_at: when that answer was given."}
        };
        for (int i = 0; i < lines.length; i++) {
            Row row = about.createRow(i);
            row.createCell(0).setCellValue(lines[i][0]);
            text(row, 1, lines[i][1]);
        }
    }
}
