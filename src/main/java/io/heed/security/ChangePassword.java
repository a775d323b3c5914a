package io.heed.security;

import io.heed.audit.AuditLog;
import io.heed.platform.error.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * A signed-in person changes their own password, proving they know the current one. Their other console sessions
 * end: whoever else had one must sign in with the new password.
 */
@ApplicationScoped
public class ChangePassword {

    @Inject
    AuditLog auditLog;

    @Inject
    ConsoleSessions sessions;

    /** Over the API: every console session of the account ends. */
    @Transactional
    void change(String email, String currentPassword, String newPassword) {
        change(email, -1, currentPassword, newPassword);
    }

    /** From the console: every session but {@code keepSessionId} (the one asking) ends. */
    @Transactional
    public void change(String email, long keepSessionId, String currentPassword, String newPassword) {
        AdminAccount account = AdminAccount.findActiveByEmail(email)
                .orElseThrow(() -> Refusal.notFound("No active account " + email + "."));
        if (currentPassword == null || !Passwords.matches(currentPassword, account.passwordHash)) {
            throw Refusal.invalid("currentPassword: does not match.");
        }
        Passwords.requireStrong(newPassword);
        account.passwordHash = Passwords.hash(newPassword);
        sessions.endOthers(email, keepSessionId);
        auditLog.record(email, "account.change-password", "account:" + account.email, Map.of());
    }
}
