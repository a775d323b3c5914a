package io.heed.directory;

import io.heed.platform.EmailAddresses;
import io.heed.platform.api.ApiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a directory CSV (UTF-8, optional BOM, CRLF or LF, RFC 4180 quoting, header row first) into valid
 * records and rejected rows. A file that is not CSV at all, or has a bad header, is refused as a whole
 * ({@link ApiException} 400) before anything is written.
 */
final class EmployeeCsv {

    /** A valid row and the line it started on. */
    record Row(long line, EmployeeRecord employee) {}

    /**
     * @param rows the valid rows, in file order
     * @param rejected the invalid rows, in file order
     * @param mentionedKeys the e-mail keys of every row with a well-formed address, valid or not: an employee
     *     whose row merely has a typo elsewhere is still "in the file" and is never deactivated for it
     */
    record Parsed(List<Row> rows, List<ImportResult.Rejected> rejected, List<String> mentionedKeys) {}

    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setIgnoreEmptyLines(false)
            .setTrim(false)
            .get();
    private static final Pattern START_LINE = Pattern.compile("startline (\\d+)");

    private EmployeeCsv() {}

    static Parsed read(InputStream body) {
        try (CSVParser parser = CSVParser.parse(utf8WithoutBom(body), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            Map<String, Integer> header = header(next(records, parser));
            List<Row> rows = new ArrayList<>();
            List<ImportResult.Rejected> rejected = new ArrayList<>();
            List<String> mentioned = new ArrayList<>();
            Map<String, Long> firstLineOfKey = new HashMap<>();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record = next(records, parser);
                if (record == null) {
                    break;
                }
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue; // a blank line
                }
                String rawEmail = value(record, header, EmployeeFieldRules.EMAIL);
                if (record.size() != header.size()) {
                    rejected.add(new ImportResult.Rejected(
                            line,
                            rawEmail,
                            "expected " + header.size() + " fields as in the header, found " + record.size()));
                    continue;
                }
                if (EmailAddresses.isValid(rawEmail)) {
                    String key = EmailAddresses.key(rawEmail);
                    Long first = firstLineOfKey.putIfAbsent(key, line);
                    if (first != null) {
                        rejected.add(new ImportResult.Rejected(line, rawEmail, "email: duplicate of line " + first));
                        continue;
                    }
                    mentioned.add(key);
                }
                EmployeeFieldRules.Outcome outcome = EmployeeFieldRules.check(column -> value(record, header, column));
                if (outcome.valid()) {
                    rows.add(new Row(line, outcome.record()));
                } else {
                    rejected.add(new ImportResult.Rejected(line, rawEmail, String.join("; ", outcome.problems())));
                }
            }
            return new Parsed(rows, rejected, mentioned);
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    private static Map<String, Integer> header(CSVRecord record) {
        if (record == null) {
            throw ApiException.badRequest("The file is empty: a header row is required.");
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).trim().toLowerCase(Locale.ROOT);
            if (!EmployeeFieldRules.KNOWN.contains(name)) {
                throw ApiException.badRequest("Unknown column '" + record.get(i).trim()
                        + "' in the header. Known columns: " + String.join(", ", EmployeeFieldRules.KNOWN) + ".");
            }
            if (columns.putIfAbsent(name, i) != null) {
                throw ApiException.badRequest("Column '" + name + "' appears twice in the header.");
            }
        }
        List<String> missing = EmployeeFieldRules.REQUIRED.stream()
                .filter(required -> !columns.containsKey(required))
                .toList();
        if (!missing.isEmpty()) {
            throw ApiException.badRequest("Missing required column(s) in the header: " + String.join(", ", missing)
                    + ". Required: " + String.join(", ", EmployeeFieldRules.REQUIRED) + ".");
        }
        return columns;
    }

    private static String value(CSVRecord record, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        if (index == null || index >= record.size()) {
            return null;
        }
        return record.get(index).trim();
    }

    /** The next record, with parse failures turned into a 400 naming the line. */
    private static CSVRecord next(Iterator<CSVRecord> records, CSVParser parser) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw malformed(e.getCause());
        }
    }

    private static ApiException malformed(IOException e) {
        if (e instanceof CharacterCodingException) {
            return ApiException.badRequest("The file is not valid UTF-8.");
        }
        if (e instanceof ApiIOException api) {
            return api.problem;
        }
        String message = String.valueOf(e.getMessage());
        Matcher start = START_LINE.matcher(message);
        if (message.contains("EOF reached before encapsulated token finished") && start.find()) {
            return ApiException.badRequest(
                    "Malformed CSV: the quoted field opened on line " + start.group(1) + " is never closed.");
        }
        if (message.contains("invalid char between encapsulated token and delimiter")) {
            return ApiException.badRequest("Malformed CSV: " + message.replaceAll("\\(line \\d+\\) ", "")
                    + " (a quote inside a quoted field must be doubled).");
        }
        return ApiException.badRequest("Malformed CSV: " + message);
    }

    private static Reader utf8WithoutBom(InputStream body) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, decoder), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** Lets a size-limit refusal travel through the CSV parser's IOException handling unchanged. */
    static final class ApiIOException extends IOException {
        final ApiException problem;

        ApiIOException(ApiException problem) {
            super(problem.getMessage());
            this.problem = problem;
        }
    }
}
