package io.heed.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.Set;

/** Resumes a console session into the account's identity: its role and regions as they are now. */
@ApplicationScoped
class ConsoleSessionIdentityProvider implements IdentityProvider<ConsoleSessionMechanism.SessionRequest> {

    @Inject
    ConsoleSessions sessions;

    @Override
    public Class<ConsoleSessionMechanism.SessionRequest> getRequestType() {
        return ConsoleSessionMechanism.SessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            ConsoleSessionMechanism.SessionRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> identity(request.secret));
    }

    @ActivateRequestContext
    SecurityIdentity identity(String secret) {
        ConsoleSessions.Session session = sessions.resume(secret).orElseThrow(AuthenticationFailedException::new);
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(session.email()))
                .addRole(session.role().name())
                .addAttribute(HeedIdentity.REGIONS, Set.copyOf(session.regions()))
                .addAttribute(HeedIdentity.CONSOLE_SESSION, session)
                .build();
    }
}
