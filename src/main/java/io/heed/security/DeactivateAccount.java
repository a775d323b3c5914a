package io.heed.security;

import io.heed.audit.AuditLog;
import io.heed.platform.error.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;

/** An admin deactivates an account (never their own); the account is kept, it can no longer sign in. */
@ApplicationScoped
class DeactivateAccount {

    @Inject
    AuditLog auditLog;

    @Transactional
    void deactivate(long id, String by) {
        AdminAccount account = AdminAccount.<AdminAccount>findByIdOptional(id)
                .orElseThrow(() -> Refusal.notFound("No account with id " + id + "."));
        if (account.emailKey.equals(AdminAccount.key(by))) {
            throw Refusal.conflict("You cannot deactivate your own account.");
        }
        if (account.active) {
            account.active = false;
            auditLog.record(by, "account.deactivate", "account:" + account.email, Map.of());
        }
    }
}
