package io.heed.compliance.dashboard;

import io.heed.platform.error.Refusal;
import java.util.Locale;

/** What a dashboard's groups are: a recipient snapshot column. The column names are constants, never input. */
public enum GroupBy {
    REGION("region"),
    DEPARTMENT("department"),
    COUNTRY("country");

    private final String column;

    GroupBy(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }

    /** {@code region} when absent; 400 for anything else than the three. */
    public static GroupBy parse(String value) {
        if (value == null || value.isBlank()) {
            return REGION;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("groupBy: one of region, department, country.");
        }
    }
}
