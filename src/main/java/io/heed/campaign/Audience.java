package io.heed.campaign;

import java.util.List;

/**
 * Who a campaign asks: active employees matching every non-empty filter, plus {@code includeEmails}, minus
 * {@code excludeEmails}. All empty means every active employee.
 */
public record Audience(
        List<String> regions,
        List<String> departments,
        List<String> countries,
        List<String> includeEmails,
        List<String> excludeEmails) {

    public static final Audience EVERYONE = new Audience(List.of(), List.of(), List.of(), List.of(), List.of());

    public Audience {
        regions = orEmpty(regions);
        departments = orEmpty(departments);
        countries = orEmpty(countries);
        includeEmails = orEmpty(includeEmails);
        excludeEmails = orEmpty(excludeEmails);
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::trim)
                        .toList();
    }
}
