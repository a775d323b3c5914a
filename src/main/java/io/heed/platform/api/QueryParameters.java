package io.heed.platform.api;

import io.heed.platform.error.Refusal;
import java.util.Optional;

/** Strict parsing of optional query parameters: a typo is a 400 naming the parameter, never a silent default. */
public final class QueryParameters {

    private QueryParameters() {}

    public static Optional<Boolean> optionalBoolean(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw Refusal.invalid(name + ": must be true or false.");
        };
    }

    public static Optional<String> optional(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
