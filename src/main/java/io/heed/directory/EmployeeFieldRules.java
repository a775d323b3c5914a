package io.heed.directory;

import io.heed.platform.EmailAddresses;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What a valid employee looks like, field by field: the one check every source of the directory applies before
 * the {@link EmployeeDirectoryWriter} stores a row. Each problem names its field (a CSV file's column names), so a
 * directory owner can fix the source without guessing. One instance per import (it caches what it checked).
 *
 * <p>Names and departments are stored as given: a name like {@code =cmd|' /C calc'!A0} or {@code <script>}
 * is data, and every output (HTML, CSV, e-mail headers) escapes it. Only what PostgreSQL cannot store (NUL)
 * and what is too long is refused.
 */
public final class EmployeeFieldRules {

    // One import's worth of answers: a directory has few distinct locales and zones, and parsing a language
    // tag costs about a microsecond. Per instance, so hostile input cannot grow a shared cache.
    private final Map<String, Checked> checkedLocales = new HashMap<>();
    private final Map<String, Checked> checkedZones = new HashMap<>();

    public static final String EMAIL = "email";
    public static final String NAME = "name";
    public static final String REGION = "region";
    public static final String DEPARTMENT = "department";
    public static final String COUNTRY = "country";
    public static final String MANAGER_EMAIL = "manager_email";
    public static final String LOCALE = "locale";
    public static final String TIMEZONE = "timezone";

    public static final List<String> REQUIRED = List.of(EMAIL, NAME, REGION);
    public static final List<String> KNOWN =
            List.of(EMAIL, NAME, REGION, DEPARTMENT, COUNTRY, MANAGER_EMAIL, LOCALE, TIMEZONE);

    private static final int MAX_NAME = 200;
    private static final int MAX_REGION = 100;
    private static final int MAX_DEPARTMENT = 100;
    private static final String DEFAULT_LOCALE = "en";
    private static final String DEFAULT_TIMEZONE = "UTC";

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
    /** Common non-ISO codes people put in HR exports, with what ISO calls them. */
    private static final Map<String, String> COUNTRY_HINTS = Map.of("UK", "GB", "EL", "GR");

    /** Either the record or the problems (each "column: reason"). */
    public record Outcome(EmployeeRecord record, List<String> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** Checks one row, given a lookup of column name to trimmed value (null or blank when absent). */
    public Outcome check(Function<String, String> column) {
        List<String> problems = new ArrayList<>();
        String email = column.apply(EMAIL);
        if (isBlank(email)) {
            problems.add("email: required");
        } else if (!EmailAddresses.isValid(email)) {
            problems.add("email: '" + email + "' is not a valid e-mail address");
        }
        String name = text(column.apply(NAME), NAME, MAX_NAME, true, problems);
        String region = text(column.apply(REGION), REGION, MAX_REGION, true, problems);
        String department = text(column.apply(DEPARTMENT), DEPARTMENT, MAX_DEPARTMENT, false, problems);
        String country = country(column.apply(COUNTRY), problems);
        String manager = blankToNull(column.apply(MANAGER_EMAIL));
        if (manager != null) {
            if (!EmailAddresses.isValid(manager)) {
                problems.add("manager_email: '" + manager + "' is not a valid e-mail address");
            } else if (email != null && EmailAddresses.key(manager).equals(EmailAddresses.key(email))) {
                problems.add("manager_email: an employee cannot be their own manager");
            }
        }
        String locale = cached(checkedLocales, column.apply(LOCALE), EmployeeFieldRules::locale, problems);
        String zone = cached(checkedZones, column.apply(TIMEZONE), EmployeeFieldRules::zone, problems);
        if (!problems.isEmpty()) {
            return new Outcome(null, problems);
        }
        return new Outcome(
                new EmployeeRecord(
                        email, EmailAddresses.key(email), name, region, department, country, manager, locale, zone),
                List.of());
    }

    private record Checked(String value, String problem) {}

    /** Checks a value once per import; every row that has it gets the same answer. */
    private static String cached(
            Map<String, Checked> cache,
            String raw,
            BiFunction<String, List<String>, String> check,
            List<String> problems) {
        Checked checked = cache.computeIfAbsent(raw == null ? "" : raw, key -> {
            List<String> found = new ArrayList<>(1);
            String value = check.apply(raw, found);
            return new Checked(value, found.isEmpty() ? null : found.get(0));
        });
        if (checked.problem() != null) {
            problems.add(checked.problem());
        }
        return checked.value();
    }

    private static String text(String value, String column, int max, boolean required, List<String> problems) {
        if (isBlank(value)) {
            if (required) {
                problems.add(column + ": required");
            }
            return null;
        }
        if (value.length() > max) {
            problems.add(column + ": longer than " + max + " characters");
        } else if (value.indexOf('\0') >= 0) {
            problems.add(column + ": contains a NUL character");
        }
        return value;
    }

    private static String country(String value, List<String> problems) {
        if (isBlank(value)) {
            return null;
        }
        String code = value.toUpperCase(Locale.ROOT);
        if (COUNTRIES.contains(code)) {
            return code;
        }
        String hint = COUNTRY_HINTS.get(code);
        problems.add("country: '" + value + "' is not an ISO 3166-1 alpha-2 code"
                + (hint == null ? "" : " (did you mean " + hint + "?)"));
        return null;
    }

    private static String locale(String value, List<String> problems) {
        if (isBlank(value)) {
            return DEFAULT_LOCALE;
        }
        try {
            Locale locale =
                    new Locale.Builder().setLanguageTag(value.replace('_', '-')).build();
            if (locale.getLanguage().isEmpty()) {
                problems.add("locale: '" + value + "' names no language");
                return null;
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            problems.add("locale: '" + value + "' is not a BCP 47 language tag");
            return null;
        }
    }

    private static String zone(String value, List<String> problems) {
        if (isBlank(value)) {
            return DEFAULT_TIMEZONE;
        }
        if (ZONES.contains(value) || value.equals("UTC")) {
            return value;
        }
        problems.add("timezone: '" + value + "' is not an IANA time-zone id (e.g. Europe/Berlin)");
        return null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value;
    }
}
