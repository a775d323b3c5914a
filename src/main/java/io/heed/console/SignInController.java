package io.heed.console;

import io.heed.platform.error.Refusal;
import io.heed.security.ChangePassword;
import io.heed.security.ClientAddressHash;
import io.heed.security.ConsoleSessionCookie;
import io.heed.security.CurrentUser;
import io.heed.security.Role;
import io.heed.security.SignIntoConsole;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Signing in and out of the console, the person's own password, and the theme they keep. The sign-in POST has no
 * session (so no CSRF token) yet: it must come from a page of this Heed (its {@code Origin}, or failing that its
 * {@code Referer}, names this host) — with the SameSite=Strict cookie, that closes login CSRF.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
class SignInController {

    static final String LOGIN = "/console/login";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(Chrome chrome, String email, String next, String error);

        static native TemplateInstance password(Chrome chrome, java.util.Map<String, String> errors);
    }

    @Inject
    SignIntoConsole signIn;

    @Inject
    ChangePassword changePassword;

    @Inject
    ConsolePages pages;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/login")
    @PermitAll
    public Object loginPage(@QueryParam("next") String next) {
        if (currentUser.consoleSession().isPresent()) {
            return ConsoleResponses.seeOther(ConsoleResponses.safe(next));
        }
        return Templates.login(pages.chrome("login", "Sign in"), "", ConsoleResponses.safe(next), null);
    }

    @POST
    @Path("/login")
    @PermitAll
    public Response login(
            @RestForm String email, @RestForm String password, @RestForm String next, @Context HttpServerRequest http) {
        String target = ConsoleResponses.safe(next);
        if (!sameOrigin(http)) {
            return page(
                    403,
                    email,
                    target,
                    "This sign-in form did not come from Heed's own page. Open the sign-in page and try again.");
        }
        try {
            SignIntoConsole.SignedIn signedIn =
                    signIn.signIn(email, password, ClientAddressHash.remote(http), http.getHeader("User-Agent"));
            return Response.seeOther(URI.create(target))
                    .header(
                            "Set-Cookie",
                            ConsoleSessionCookie.header(
                                    signedIn.secret(),
                                    signIn.secureCookie(http.isSSL() || "https".equals(http.scheme())),
                                    signedIn.maxAgeSeconds()))
                    .build();
        } catch (Refusal refusal) {
            int status = refusal.kind() == Refusal.Kind.RATE_LIMITED ? 429 : 401;
            Response response = page(status, email, target, refusal.reason());
            if (refusal.retryAfter() != null) {
                return Response.fromResponse(response)
                        .header("Retry-After", Math.max(1, (refusal.retryAfter().toMillis() + 999) / 1000))
                        .build();
            }
            return response;
        }
    }

    @POST
    @Path("/logout")
    @RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
    public Response logout(@Context HttpServerRequest http) {
        Cookie cookie = http.getCookie(ConsoleSessionCookie.NAME);
        signIn.signOut(currentUser.name(), cookie == null ? null : cookie.getValue());
        return Response.seeOther(URI.create(LOGIN))
                .header("Set-Cookie", ConsoleSessionCookie.clearedHeader())
                .header(
                        "Set-Cookie",
                        ConsoleResponses.flashCookie(
                                        Flash.info("You are signed out.").encode(), 60)
                                .encode())
                .build();
    }

    @GET
    @Path("/account/password")
    @RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
    public TemplateInstance passwordPage() {
        return Templates.password(pages.chrome("account", "Change my password"), java.util.Map.of());
    }

    @POST
    @Path("/account/password")
    @RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
    public Response changePassword(
            @RestForm String currentPassword, @RestForm String newPassword, @RestForm String repeatPassword) {
        java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
        if (newPassword == null || !newPassword.equals(repeatPassword)) {
            errors.put("repeatPassword", "The two new passwords are not the same.");
        }
        if (errors.isEmpty()) {
            try {
                changePassword.change(
                        currentUser.name(),
                        currentUser.consoleSession().orElseThrow().id(),
                        currentPassword,
                        newPassword);
                return ConsoleResponses.seeOther(
                        "/console", Flash.success("Your password is changed. Your other sessions are signed out."));
            } catch (Refusal refusal) {
                String reason = refusal.reason();
                if (reason.startsWith("currentPassword")) {
                    errors.put("currentPassword", "This is not your current password.");
                } else if (reason.startsWith("password")) {
                    errors.put(
                            "newPassword",
                            reason.substring(reason.indexOf(':') + 1).trim());
                } else {
                    errors.put("newPassword", reason);
                }
            }
        }
        return Response.status(400)
                .type("text/html;charset=UTF-8")
                .entity(Templates.password(pages.chrome("account", "Change my password"), errors)
                        .render())
                .build();
    }

    /** The theme a person keeps: light, dark, or the system's ({@code auto}). Works without JavaScript. */
    @POST
    @Path("/theme")
    @PermitAll
    public Response theme(@RestForm String theme, @RestForm String back) {
        String value = "dark".equals(theme) || "light".equals(theme) ? theme : "auto";
        return Response.seeOther(URI.create(ConsoleResponses.safe(back)))
                .header(
                        "Set-Cookie",
                        Cookie.cookie(ConsolePages.THEME_COOKIE, value)
                                .setPath("/console")
                                .setHttpOnly(true)
                                .setSameSite(io.vertx.core.http.CookieSameSite.STRICT)
                                .setMaxAge(365L * 24 * 3600)
                                .encode())
                .build();
    }

    private Response page(int status, String email, String next, String error) {
        return Response.status(status)
                .type("text/html;charset=UTF-8")
                .entity(Templates.login(pages.chrome("login", "Sign in"), email == null ? "" : email, next, error)
                        .render())
                .build();
    }

    /** Whether the request's Origin (or, without one, its Referer) names the host it was sent to. */
    static boolean sameOrigin(HttpServerRequest http) {
        String host = http.authority() == null ? null : http.authority().toString();
        String origin = http.getHeader("Origin");
        String source = origin != null && !origin.equals("null") ? origin : http.getHeader("Referer");
        if (host == null || source == null) {
            return false;
        }
        try {
            URI uri = URI.create(source);
            String authority = uri.getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
