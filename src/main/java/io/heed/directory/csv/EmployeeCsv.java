package io.heed.directory.csv;

import io.heed.directory.EmployeeFieldRules;
import io.heed.directory.EmployeeSource;
import io.heed.directory.ImportResult;
import io.heed.platform.EmailAddresses;
import io.heed.platform.error.Refusal;
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
 * records and rejected rows, each row checked by the directory's {@link EmployeeFieldRules} and named by the line
 * it starts on. A file that is not CSV at all, or has a bad header, is refused as a whole ({@link Refusal},
 * invalid) before anything is written.
 */
final class EmployeeCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setIgnoreEmptyLines(false)
            .setTrim(false)
            .get();
    private static final Pattern START_LINE = Pattern.compile("startline (\\d+)");

    private EmployeeCsv() {}

    static EmployeeSource.Summary read(InputStream body, EmployeeSource.Sink sink) {
        try (CSVParser parser = CSVParser.parse(utf8WithoutBom(body), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            Map<String, Integer> header = header(next(records));
            EmployeeFieldRules rules = new EmployeeFieldRules();
            List<ImportResult.Rejected> rejected = new ArrayList<>();
            Map<String, Long> firstLineOfKey = new HashMap<>();
            int valid = 0;
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord record = next(records);
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
                String key = EmailAddresses.isValid(rawEmail) ? EmailAddresses.key(rawEmail) : null;
                if (key != null) {
                    Long first = firstLineOfKey.putIfAbsent(key, line);
                    if (first != null) {
                        rejected.add(new ImportResult.Rejected(line, rawEmail, "email: duplicate of line " + first));
                        continue;
                    }
                }
                EmployeeFieldRules.Outcome outcome = rules.check(column -> value(record, header, column));
                if (outcome.valid()) {
                    sink.valid(outcome.record());
                    valid++;
                } else {
                    rejected.add(new ImportResult.Rejected(line, rawEmail, String.join("; ", outcome.problems())));
                    if (key != null) {
                        sink.mentioned(key);
                    }
                }
            }
            return new EmployeeSource.Summary(valid, rejected);
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /**
     * Checks only the header row (and that the file starts as UTF-8 text), so a wrong file is refused at once,
     * before it is stored or its rows are read.
     */
    static void checkHeader(InputStream body) {
        try (CSVParser parser = CSVParser.parse(utf8WithoutBom(body), FORMAT)) {
            header(next(parser.iterator()));
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    private static Map<String, Integer> header(CSVRecord record) {
        if (record == null) {
            throw Refusal.invalid("The file is empty: a header row is required.");
        }
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).trim().toLowerCase(Locale.ROOT);
            if (!EmployeeFieldRules.KNOWN.contains(name)) {
                throw Refusal.invalid("Unknown column '" + record.get(i).trim() + "' in the header. Known columns: "
                        + String.join(", ", EmployeeFieldRules.KNOWN) + ".");
            }
            if (columns.putIfAbsent(name, i) != null) {
                throw Refusal.invalid("Column '" + name + "' appears twice in the header.");
            }
        }
        List<String> missing = EmployeeFieldRules.REQUIRED.stream()
                .filter(required -> !columns.containsKey(required))
                .toList();
        if (!missing.isEmpty()) {
            throw Refusal.invalid("Missing required column(s) in the header: " + String.join(", ", missing)
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
    private static CSVRecord next(Iterator<CSVRecord> records) {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw malformed(e.getCause());
        }
    }

    private static Refusal malformed(IOException e) {
        if (e instanceof CharacterCodingException) {
            return Refusal.invalid("The file is not valid UTF-8.");
        }
        if (e instanceof ApiIOException api) {
            return api.problem;
        }
        String message = String.valueOf(e.getMessage());
        Matcher start = START_LINE.matcher(message);
        if (message.contains("EOF reached before encapsulated token finished") && start.find()) {
            return Refusal.invalid(
                    "Malformed CSV: the quoted field opened on line " + start.group(1) + " is never closed.");
        }
        if (message.contains("invalid char between encapsulated token and delimiter")) {
            return Refusal.invalid("Malformed CSV: " + message.replaceAll("\\(line \\d+\\) ", "")
                    + " (a quote inside a quoted field must be doubled).");
        }
        return Refusal.invalid("Malformed CSV: " + message);
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
        final Refusal problem;

        ApiIOException(Refusal problem) {
            super(problem.getMessage());
            this.problem = problem;
        }
    }
}
