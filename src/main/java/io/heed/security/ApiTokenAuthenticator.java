package io.heed.security;

import io.heed.platform.Hashing;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Checks a bearer token against the stored ones: one indexed lookup of its SHA-256. */
@ApplicationScoped
class ApiTokenAuthenticator {

    private static final Duration USE_STAMP_RESOLUTION = Duration.ofMinutes(1);

    @Inject
    Clock clock;

    @ActivateRequestContext
    @Transactional
    SecurityIdentity authenticate(String secret) {
        if (!secret.startsWith(ApiToken.PREFIX)) {
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
