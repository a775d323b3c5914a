package io.heed.security;

import io.heed.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an e-mail and password against the stored accounts, for every way of signing in with one (the console's
 * form, HTTP Basic on the API), through the one {@link SignInThrottle}. It answers with a {@link Verdict} instead of
 * throwing, so that the failure it counts commits with its transaction. Failures and locks are audited; successes
 * are audited by the caller that opens a session (API clients send their password with every request).
 */
@ApplicationScoped
class AccountAuthenticator {

    private static final Duration LOGIN_STAMP_RESOLUTION = Duration.ofMinutes(5);

    /** What an attempt came to. */
    sealed interface Verdict {}

    record Accepted(AdminAccount account) implements Verdict {}

    /** Unknown account, wrong password or inactive account: the same answer for all three. */
    record Rejected(boolean lockedNow) implements Verdict {}

    /** Too many recent failures of this account or from this address: not checked at all. */
    record HeldBack(Duration retryAfter) implements Verdict {}

    @Inject
    SignInThrottle throttle;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    /**
     * @param addressHash the client address's keyed hash ({@link ClientAddressHash})
     * @param via how the attempt came in, for the audit log: {@code console} or {@code basic}
     */
    @ActivateRequestContext
    @Transactional
    Verdict check(String email, String password, String addressHash, String via) {
        String name = email == null ? "" : email.trim();
        Optional<Duration> wait = throttle.wait(name, addressHash);
        if (wait.isPresent()) {
            return new HeldBack(wait.get());
        }
        Optional<AdminAccount> found = AdminAccount.findActiveByEmail(name);
        boolean matches = found.isPresent()
                ? Passwords.matches(password == null ? "" : password, found.get().passwordHash)
                : Passwords.burnDecoyCheck(password == null ? "" : password);
        if (!matches) {
            SignInThrottle.Failed failed = throttle.failed(name, addressHash);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("via", via);
            details.put("failures", failed.accountFailures());
            auditLog.record(name, "sign-in.failed", "account:" + AdminAccount.key(name), details);
            if (failed.lockedNow()) {
                auditLog.record(
                        "heed",
                        "sign-in.locked",
                        "account:" + AdminAccount.key(name),
                        Map.of("failures", failed.accountFailures()));
            }
            return new Rejected(failed.lockedNow());
        }
        throttle.succeeded(name);
        AdminAccount account = found.get();
        Instant now = clock.instant();
        // API clients send credentials with every request; stamp the login only now and then.
        if (account.lastLoginAt == null || account.lastLoginAt.isBefore(now.minus(LOGIN_STAMP_RESOLUTION))) {
            account.lastLoginAt = now;
        }
        return new Accepted(account);
    }
}
