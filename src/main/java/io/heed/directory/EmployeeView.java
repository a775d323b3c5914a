package io.heed.directory;

import java.time.Instant;

/** An employee as the directory API shows them. */
public record EmployeeView(
        String email,
        String name,
        String region,
        String department,
        String country,
        String managerEmail,
        String locale,
        String timezone,
        boolean active,
        Instant createdAt,
        Instant updatedAt,
        Instant deactivatedAt) {

    static EmployeeView of(Employee e) {
        return new EmployeeView(
                e.email,
                e.name,
                e.region,
                e.department,
                e.country,
                e.managerEmail,
                e.locale,
                e.timeZone,
                e.active,
                e.createdAt,
                e.updatedAt,
                e.deactivatedAt);
    }
}
