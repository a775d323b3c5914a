package io.heed.security;

import java.time.Instant;
import java.util.List;

/** An API token as the tokens API lists it: its prefix, never its secret or hash. */
record TokenView(
        long id,
        String name,
        String prefix,
        Role role,
        List<String> regions,
        String createdBy,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    static TokenView of(ApiToken t) {
        return new TokenView(
                t.id,
                t.name,
                t.tokenPrefix,
                t.role,
                List.of(t.regions),
                t.createdBy,
                t.createdAt,
                t.lastUsedAt,
                t.revokedAt);
    }
}
