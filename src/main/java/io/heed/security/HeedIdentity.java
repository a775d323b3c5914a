package io.heed.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Set;

/** Builds the identity of an authenticated account or token, carrying its role and its regions. */
final class HeedIdentity {

    static final String REGIONS = "heed.regions";

    /** The {@link ConsoleSessions.Session} of a console request. */
    static final String CONSOLE_SESSION = "heed.console-session";

    private HeedIdentity() {}

    static SecurityIdentity of(String name, Role role, String[] regions) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(name))
                .addRole(role.name())
                .addAttribute(REGIONS, Set.of(regions))
                .build();
    }
}
