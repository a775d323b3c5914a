package io.heed.platform.error;

/** One input field that was refused, e.g. {@code country}: {@code 'XX' is not an ISO 3166-1 alpha-2 code}. */
public record FieldProblem(String field, String reason) {}
