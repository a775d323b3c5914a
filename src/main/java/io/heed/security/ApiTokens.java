package io.heed.security;

import io.heed.audit.AuditLog;
import io.heed.platform.Hashing;
import io.heed.platform.error.Refusal;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Issues, lists, revokes and checks API tokens. */
@ApplicationScoped
public class ApiTokens {

    static final String PREFIX = "heed_";
    /** 32 random bytes: 256 bits, far beyond guessing, so a fast hash is enough to store them. */
    private static final int SECRET_BYTES = 32;

    private static final Duration USE_STAMP_RESOLUTION = Duration.ofMinutes(1);

    /** The token as shown once to its creator; {@code token} is never retrievable again. */
    public record IssuedToken(long id, String name, Role role, List<String> regions, String token, Instant createdAt) {}

    @Inject
    Clock clock;

    @Inject
    AuditLog auditLog;

    @Transactional
    public IssuedToken issue(String name, Role role, List<String> regions, String issuedBy) {
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
        String secret = PREFIX + Hashing.randomUrlSafe(SECRET_BYTES);
        ApiToken token = new ApiToken();
        token.name = name.trim();
        token.role = role;
        token.regions = role == Role.REGION_OFFICER ? scoped.toArray(String[]::new) : new String[0];
        token.tokenHash = Hashing.sha256Hex(secret);
        token.tokenPrefix = secret.substring(0, PREFIX.length() + 6);
        token.createdBy = issuedBy;
        token.createdAt = clock.instant();
        token.persist();
        auditLog.record(
                issuedBy, "api-token.issue", "api-token:" + token.id, Map.of("name", token.name, "role", role.name()));
        return new IssuedToken(token.id, token.name, role, List.of(token.regions), secret, token.createdAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiToken> list() {
        return ApiToken.listAll(io.quarkus.panache.common.Sort.by("id"));
    }

    @Transactional
    public void revoke(long id, String revokedBy) {
        ApiToken token = ApiToken.<ApiToken>findByIdOptional(id)
                .orElseThrow(() -> Refusal.notFound("No API token with id " + id + "."));
        if (token.revokedAt == null) {
            token.revokedAt = clock.instant();
            auditLog.record(revokedBy, "api-token.revoke", "api-token:" + id, Map.of("name", token.name));
        }
    }

    @ActivateRequestContext
    @Transactional
    public SecurityIdentity authenticate(String secret) {
        if (!secret.startsWith(PREFIX)) {
            throw new AuthenticationFailedException();
        }
        ApiToken token =
                ApiToken.findUsableByHash(Hashing.sha256Hex(secret)).orElseThrow(AuthenticationFailedException::new);
        Instant now = clock.instant();
        // Pollers call every few seconds; one write a minute is enough to show a token is in use.
        if (token.lastUsedAt == null || token.lastUsedAt.isBefore(now.minus(USE_STAMP_RESOLUTION))) {
            token.lastUsedAt = now;
        }
        return HeedIdentity.of("token:" + token.name, token.role, token.regions);
    }
}
