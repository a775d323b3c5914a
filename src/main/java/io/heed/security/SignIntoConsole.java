package io.heed.security;

import io.heed.audit.AuditLog;
import io.heed.platform.error.Refusal;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * A person signs in to the console with their e-mail and password: checked through the sign-in throttle; a
 * success opens a {@link ConsoleSessions session} and is audited, a failure is audited (and counted) and answered
 * the same whether the account exists or not.
 */
@ApplicationScoped
public class SignIntoConsole {

    /** A session opened: the secret goes into the cookie, once. */
    public record SignedIn(String email, String secret, long maxAgeSeconds) {}

    @Inject
    AccountAuthenticator authenticator;

    @Inject
    ConsoleSessions sessions;

    @Inject
    ClientAddressHash addresses;

    @Inject
    SignInConfig config;

    @Inject
    AuditLog auditLog;

    /**
     * @throws Refusal invalid for a wrong e-mail or password (the same for both), rate limited while the account or
     *     the address is held back
     */
    public SignedIn signIn(String email, String password, String clientAddress, String userAgent) {
        String addressHash = addresses.hash(clientAddress);
        // The check commits on its own, so the failure it counts stays counted when this refuses.
        AccountAuthenticator.Verdict verdict = authenticator.check(email, password, addressHash, "console");
        if (verdict instanceof AccountAuthenticator.HeldBack held) {
            long seconds = Math.max(1, (held.retryAfter().toMillis() + 999) / 1000);
            throw Refusal.rateLimited(
                    "Too many failed sign-ins. Try again in "
                            + (seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes") + ".",
                    held.retryAfter());
        }
        if (verdict instanceof AccountAuthenticator.Rejected rejected) {
            throw Refusal.invalid(
                    rejected.lockedNow()
                            ? "The e-mail address or the password is wrong. After too many failed attempts the account"
                                    + " is locked for " + config.lockFor().toMinutes() + " minutes."
                            : "The e-mail address or the password is wrong.");
        }
        AdminAccount account = ((AccountAuthenticator.Accepted) verdict).account();
        String secret = QuarkusTransaction.requiringNew().call(() -> {
            String s = sessions.start(account.id, addressHash, userAgent);
            auditLog.record(account.email, "sign-in", "account:" + account.emailKey, Map.of("via", "console"));
            return s;
        });
        return new SignedIn(account.email, secret, config.session().maxAge().toSeconds());
    }

    /** Ends the session of {@code secret} and audits it. */
    public void signOut(String email, String secret) {
        QuarkusTransaction.requiringNew().run(() -> {
            sessions.end(secret);
            auditLog.record(email, "sign-out", "account:" + AdminAccount.key(email), Map.of("via", "console"));
        });
    }

    /** Whether the session cookie is to be marked Secure for a request that came {@code overTls}. */
    public boolean secureCookie(boolean overTls) {
        return switch (config.session().secureCookie()) {
            case "always" -> true;
            case "never" -> false;
            default -> overTls;
        };
    }
}
