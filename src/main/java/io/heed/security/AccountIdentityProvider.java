package io.heed.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * HTTP Basic on the API: e-mail and password against {@link AdminAccount}, through the same throttle as the
 * console's sign-in, off the event loop (bcrypt and JDBC block). A held-back or wrong attempt is a 401.
 */
@ApplicationScoped
class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    AccountAuthenticator authenticator;

    @Inject
    ClientAddressHash addresses;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String password = new String(request.getPassword().getPassword());
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = routing == null ? null : addresses.hash(ClientAddressHash.remote(routing.request()));
        return context.runBlocking(() -> {
            AccountAuthenticator.Verdict verdict =
                    authenticator.check(request.getUsername(), password, address, "basic");
            if (verdict instanceof AccountAuthenticator.Accepted accepted) {
                AdminAccount a = accepted.account();
                return HeedIdentity.of(a.email, a.role, a.regions);
            }
            throw new AuthenticationFailedException();
        });
    }
}
