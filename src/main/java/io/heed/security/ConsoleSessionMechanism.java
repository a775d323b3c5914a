package io.heed.security;

import io.heed.platform.web.ErrorSurface;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The console's one way in: the session cookie ({@link ConsoleSessions}), only under {@code /console} (the
 * configuration gives {@code /console} this mechanism alone: no HTTP Basic there, so a page costs no bcrypt
 * check; {@code /api} never sees the cookie). A cookie whose session has ended leaves the request anonymous and is
 * cleared: the page then sends the browser to the sign-in page.
 */
@ApplicationScoped
class ConsoleSessionMechanism implements HttpAuthenticationMechanism {

    /** The authentication scheme named by {@code quarkus.http.auth.permission.console.auth-mechanism}. */
    static final String SCHEME = "console";

    /** A session cookie's secret, to be resumed by {@link ConsoleSessionIdentityProvider}. */
    static final class SessionRequest extends BaseAuthenticationRequest {
        final String secret;

        SessionRequest(String secret) {
            this.secret = secret;
        }
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!ErrorSurface.under("/console", context.normalizedPath())) {
            return Uni.createFrom().nullItem();
        }
        Cookie cookie = context.request().getCookie(ConsoleSessionCookie.NAME);
        if (cookie == null || cookie.getValue().isBlank()) {
            return Uni.createFrom().nullItem();
        }
        SessionRequest request = new SessionRequest(cookie.getValue());
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request).onFailure().recoverWithItem(() -> {
            context.response().addCookie(ConsoleSessionCookie.cleared());
            return null;
        });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String next = context.request().method().name().equals("GET")
                ? context.request().uri()
                : "/console";
        String login = "/console/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        // htmx follows HX-Redirect with a full page load instead of swapping the sign-in page into a fragment.
        return Uni.createFrom()
                .item(
                        context.request().getHeader("HX-Request") != null
                                ? new ChallengeData(401, "HX-Redirect", login)
                                : new ChallengeData(302, "Location", login));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom()
                .item(new HttpCredentialTransport(
                        HttpCredentialTransport.Type.COOKIE, ConsoleSessionCookie.NAME, SCHEME));
    }
}
