package io.heed.security;

import io.heed.audit.AuditLog;
import io.heed.platform.EmailAddresses;
import io.heed.platform.error.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Creates and manages the accounts of the people who run Heed. */
@ApplicationScoped
public class AdminAccounts {

    @Inject
    Clock clock;

    @Inject
    AuditLog auditLog;

    @Inject
    EntityManager entityManager;

    public record NewAccount(String email, String name, Role role, List<String> regions, String password) {}

    @Transactional
    public AdminAccount create(NewAccount request, String createdBy) {
        AdminAccount account = validated(request);
        if (AdminAccount.count("emailKey", account.emailKey) > 0) {
            throw Refusal.conflict("An account for " + account.email + " already exists.");
        }
        account.persist();
        auditLog.record(createdBy, "account.create", "account:" + account.email, Map.of("role", account.role.name()));
        return account;
    }

    /**
     * Creates the first admin if there is no account yet. Replicas starting together serialise on an advisory
     * lock, so exactly one of them creates it.
     *
     * @return the account created, or empty if accounts already existed
     */
    @Transactional
    public Optional<AdminAccount> createFirstAdmin(String email, String password) {
        entityManager
                .createNativeQuery("select pg_advisory_xact_lock(hashtext('heed.bootstrap-admin'))")
                .getSingleResult();
        if (AdminAccount.count() > 0) {
            return Optional.empty();
        }
        AdminAccount account = validated(new NewAccount(email, "Administrator", Role.ADMIN, List.of(), password));
        account.persist();
        auditLog.record("heed", "account.bootstrap", "account:" + account.email, Map.of("role", "ADMIN"));
        return Optional.of(account);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AdminAccount> list() {
        return AdminAccount.listAll(io.quarkus.panache.common.Sort.by("emailKey"));
    }

    @Transactional
    public void changePassword(String email, String currentPassword, String newPassword) {
        AdminAccount account = AdminAccount.findActiveByEmail(email)
                .orElseThrow(() -> Refusal.notFound("No active account " + email + "."));
        if (currentPassword == null || !Passwords.matches(currentPassword, account.passwordHash)) {
            throw Refusal.invalid("currentPassword: does not match.");
        }
        Passwords.requireStrong(newPassword);
        account.passwordHash = Passwords.hash(newPassword);
        auditLog.record(email, "account.change-password", "account:" + account.email, Map.of());
    }

    @Transactional
    public void deactivate(long id, String by) {
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

    private AdminAccount validated(NewAccount request) {
        if (request == null) {
            throw Refusal.invalid("A JSON body with email, name, role and password is required.");
        }
        String email = request.email() == null ? "" : request.email().trim();
        if (!EmailAddresses.isValid(email)) {
            throw Refusal.invalid("email: not a valid e-mail address.");
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            throw Refusal.invalid("name: required, at most 200 characters.");
        }
        if (request.role() == null) {
            throw Refusal.invalid("role: required, one of ADMIN, REGION_OFFICER, AUDITOR.");
        }
        List<String> regions = request.regions() == null ? List.of() : request.regions();
        if (request.role() == Role.REGION_OFFICER && regions.isEmpty()) {
            throw Refusal.invalid("regions: a REGION_OFFICER needs at least one region.");
        }
        Passwords.requireStrong(request.password());
        AdminAccount account = new AdminAccount();
        account.email = email;
        account.emailKey = AdminAccount.key(email);
        account.name = request.name().trim();
        account.role = request.role();
        account.regions = request.role() == Role.REGION_OFFICER ? regions.toArray(String[]::new) : new String[0];
        account.passwordHash = Passwords.hash(request.password());
        account.createdAt = clock.instant();
        return account;
    }
}
