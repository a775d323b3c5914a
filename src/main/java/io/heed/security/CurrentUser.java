package io.heed.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;

/** The caller of the current request, as Heed's services need to know them. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    /** The e-mail of the account, or {@code token:<name>} for an API token; recorded in the audit log. */
    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The console session of this request, when it came with one. */
    public java.util.Optional<ConsoleSessions.Session> consoleSession() {
        return identity.isAnonymous()
                ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(identity.getAttribute(HeedIdentity.CONSOLE_SESSION));
    }

    /** Whether the caller has {@code role}. */
    public boolean has(Role role) {
        return identity.hasRole(role.name());
    }

    public RegionScope regionScope() {
        if (identity.hasRole(Role.ADMIN.name()) || identity.hasRole(Role.AUDITOR.name())) {
            return RegionScope.ALL;
        }
        Set<String> regions = identity.getAttribute(HeedIdentity.REGIONS);
        return RegionScope.only(regions == null ? Set.of() : regions);
    }
}
