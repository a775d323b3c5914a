package io.heed.security;

import java.time.Instant;
import java.util.List;

/** An account as the accounts API shows it (never its password hash). */
record AccountView(
        long id,
        String email,
        String name,
        Role role,
        List<String> regions,
        boolean active,
        Instant createdAt,
        Instant lastLoginAt) {

    static AccountView of(AdminAccount a) {
        return new AccountView(a.id, a.email, a.name, a.role, List.of(a.regions), a.active, a.createdAt, a.lastLoginAt);
    }
}
