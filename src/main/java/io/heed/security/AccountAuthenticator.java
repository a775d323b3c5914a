package io.heed.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Checks an e-mail and password (HTTP Basic now, the console's form later) against the stored accounts. */
@ApplicationScoped
class AccountAuthenticator {

    private static final Duration LOGIN_STAMP_RESOLUTION = Duration.ofMinutes(5);

    @Inject
    Clock clock;

    @ActivateRequestContext
    @Transactional
    SecurityIdentity authenticate(String email, String password) {
        Optional<AdminAccount> found = AdminAccount.findActiveByEmail(email);
        if (found.isEmpty()) {
            Passwords.burnDecoyCheck(password);
            throw new AuthenticationFailedException();
        }
        AdminAccount account = found.get();
        if (!Passwords.matches(password, account.passwordHash)) {
            throw new AuthenticationFailedException();
        }
        Instant now = clock.instant();
        // API clients send credentials with every request; stamp the login only now and then.
        if (account.lastLoginAt == null || account.lastLoginAt.isBefore(now.minus(LOGIN_STAMP_RESOLUTION))) {
            account.lastLoginAt = now;
        }
        return HeedIdentity.of(account.email, account.role, account.regions);
    }
}
