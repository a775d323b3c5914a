package io.heed.compliance.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-recipient CSV: RFC 4180 (comma, CRLF, fields quoted when they hold a comma, quote, CR or LF; quotes
 * doubled), UTF-8, a header row. Every text cell that a spreadsheet would read as a formula (first character
 * {@code = + - @}, tab or CR) is prefixed with a single quote (OWASP, CSV injection). The one place that decides
 * how compliance data is written as CSV; the report's data hash is the SHA-256 of exactly these bytes.
 */
final class ReportCsv implements AutoCloseable {

    /** UTF-8 byte order mark, only with {@code ?bom=true} (for Excel); never part of the hashed body. */
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);

    ReportCsv(OutputStream body) {
        this.out = new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), 1 << 16);
    }

    /** The columns, for a playbook's step keys. */
    static List<String> header(List<String> stepKeys) {
        List<String> header = new ArrayList<>(List.of(
                "email", "name", "region", "department", "country", "delivery_status", "sent_at", "deadline_at"));
        for (String step : stepKeys) {
            header.add(step);
            header.add(step + "_at");
        }
        header.add("completed");
        header.add("completed_at");
        return header;
    }

    void writeHeader(List<String> stepKeys) throws IOException {
        line.setLength(0);
        for (String column : header(stepKeys)) {
            text(column);
        }
        end();
    }

    void write(RecipientRow row) throws IOException {
        line.setLength(0);
        text(row.email());
        text(row.name());
        text(row.region());
        text(row.department());
        text(row.country());
        text(row.deliveryStatus());
        time(row.sentAt());
        time(row.deadlineAt());
        for (int s = 0; s < row.stepStatus().length; s++) {
            text(row.stepStatus()[s]);
            time(row.stepAt()[s]);
        }
        text(Boolean.toString(row.completed()));
        time(row.completedAt());
        end();
    }

    /** The cell as written: neutralised against formulas, then quoted where RFC 4180 needs it. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = startsLikeAFormula(value) ? "'" + value : value;
        boolean quote = false;
        for (int i = 0; i < safe.length() && !quote; i++) {
            char c = safe.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    /** OWASP's list: a cell starting with one of these is a formula (or DDE) to Excel, LibreOffice and Sheets. */
    static boolean startsLikeAFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private void text(String value) {
        separator();
        line.append(cell(value));
    }

    /** A time as PostgreSQL formatted it (ISO-8601, UTC): our own text, nothing to neutralise or quote. */
    private void time(String value) {
        separator();
        if (value != null) {
            line.append(value);
        }
    }

    private boolean first = true;

    private void separator() {
        if (!first) {
            line.append(',');
        }
        first = false;
    }

    private void end() throws IOException {
        line.append("\r\n");
        out.append(line);
        first = true;
    }

    void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
