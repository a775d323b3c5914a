package io.heed.security;

import io.heed.audit.AuditLog;
import io.heed.platform.EmailAddresses;
import io.heed.platform.database.Database;
import io.heed.platform.database.NamedSql;
import io.heed.platform.database.Params;
import io.heed.platform.error.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates the account of a person who runs Heed: by an admin over the API, or the first admin of a fresh
 * installation ({@link FirstAdmin}). Every account is checked the same way and its creation audited.
 */
@ApplicationScoped
class CreateAccount {

    /** The request body of {@code POST /api/v1/accounts}. */
    record NewAccount(String email, String name, Role role, List<String> regions, String password) {}

    // Replicas starting together serialise on it, so exactly one of them creates the first admin.
    private static final NamedSql FIRST_ADMIN_LOCK =
            NamedSql.of("select pg_advisory_xact_lock(hashtext('heed.bootstrap-admin'))");

    @Inject
    Clock clock;

    @Inject
    AuditLog auditLog;

    @Inject
    Database database;

    @Transactional
    AdminAccount create(NewAccount request, String createdBy) {
        AdminAccount account = validated(request);
        if (AdminAccount.count("emailKey", account.emailKey) > 0) {
            throw Refusal.conflict("An account for " + account.email + " already exists.");
        }
        account.persist();
        auditLog.record(createdBy, "account.create", "account:" + account.email, Map.of("role", account.role.name()));
        return account;
    }

    /**
     * Creates the first admin if there is no account yet.
     *
     * @return the account created, or empty if accounts already existed
     */
    @Transactional
    Optional<AdminAccount> firstAdmin(String email, String password) {
        database.first(FIRST_ADMIN_LOCK, Params.NONE, locked -> true);
        if (AdminAccount.count() > 0) {
            return Optional.empty();
        }
        AdminAccount account = validated(new NewAccount(email, "Administrator", Role.ADMIN, List.of(), password));
        account.persist();
        auditLog.record("heed", "account.bootstrap", "account:" + account.email, Map.of("role", "ADMIN"));
        return Optional.of(account);
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
