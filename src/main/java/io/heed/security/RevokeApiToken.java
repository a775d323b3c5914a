package io.heed.security;

import io.heed.audit.AuditLog;
import io.heed.platform.error.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;

/** An admin revokes an API token: it stops authenticating at once and stays listed, with its revocation time. */
@ApplicationScoped
class RevokeApiToken {

    @Inject
    Clock clock;

    @Inject
    AuditLog auditLog;

    @Transactional
    void revoke(long id, String revokedBy) {
        ApiToken token = ApiToken.<ApiToken>findByIdOptional(id)
                .orElseThrow(() -> Refusal.notFound("No API token with id " + id + "."));
        if (token.revokedAt == null) {
            token.revokedAt = clock.instant();
            auditLog.record(revokedBy, "api-token.revoke", "api-token:" + id, Map.of("name", token.name));
        }
    }
}
