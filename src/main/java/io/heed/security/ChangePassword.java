package io.heed.security;

import io.heed.audit.AuditLog;
import io.heed.platform.error.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;

/** A signed-in person changes their own password, proving they know the current one. */
@ApplicationScoped
class ChangePassword {

    @Inject
    AuditLog auditLog;

    @Transactional
    void change(String email, String currentPassword, String newPassword) {
        AdminAccount account = AdminAccount.findActiveByEmail(email)
                .orElseThrow(() -> Refusal.notFound("No active account " + email + "."));
        if (currentPassword == null || !Passwords.matches(currentPassword, account.passwordHash)) {
            throw Refusal.invalid("currentPassword: does not match.");
        }
        Passwords.requireStrong(newPassword);
        account.passwordHash = Passwords.hash(newPassword);
        auditLog.record(email, "account.change-password", "account:" + account.email, Map.of());
    }
}
