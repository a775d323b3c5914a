package io.heed.directory;

/** One employee as a valid import row (or API call) states it: trimmed, normalised, ready to store. */
public record EmployeeRecord(
        String email,
        String emailKey,
        String name,
        String region,
        String department,
        String country,
        String managerEmail,
        String locale,
        String timeZone) {}
