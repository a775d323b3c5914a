package io.heed.security;

import io.heed.audit.AuditLog;
import io.heed.platform.Hashing;
import io.heed.platform.error.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An admin issues an API token for a machine client. The secret is shown once, in the answer; only its SHA-256
 * is stored.
 */
@ApplicationScoped
class IssueApiToken {

    /** 32 random bytes: 256 bits, far beyond guessing, so a fast hash is enough to store them. */
    private static final int SECRET_BYTES = 32;

    /** The token as shown once to its creator; {@code token} is never retrievable again. */
    record IssuedToken(long id, String name, Role role, List<String> regions, String token, Instant createdAt) {}

    @Inject
    Clock clock;

    @Inject
    AuditLog auditLog;

    @Transactional
    IssuedToken issue(String name, Role role, List<String> regions, String issuedBy) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw Refusal.invalid("name: required, at most 100 characters.");
        }
        if (role == null) {
            throw Refusal.invalid("role: required, one of ADMIN, REGION_OFFICER, AUDITOR.");
        }
        List<String> scoped = regions == null ? List.of() : List.copyOf(regions);
        if (role == Role.REGION_OFFICER && scoped.isEmpty()) {
            throw Refusal.invalid("regions: a REGION_OFFICER token needs at least one region.");
        }
        String secret = ApiToken.PREFIX + Hashing.randomUrlSafe(SECRET_BYTES);
        ApiToken token = new ApiToken();
        token.name = name.trim();
        token.role = role;
        token.regions = role == Role.REGION_OFFICER ? scoped.toArray(String[]::new) : new String[0];
        token.tokenHash = Hashing.sha256Hex(secret);
        token.tokenPrefix = secret.substring(0, ApiToken.PREFIX.length() + 6);
        token.createdBy = issuedBy;
        token.createdAt = clock.instant();
        token.persist();
        auditLog.record(
                issuedBy, "api-token.issue", "api-token:" + token.id, Map.of("name", token.name, "role", role.name()));
        return new IssuedToken(token.id, token.name, role, List.of(token.regions), secret, token.createdAt);
    }
}
