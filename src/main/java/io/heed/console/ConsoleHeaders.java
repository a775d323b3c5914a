package io.heed.console;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers of every console response, pages, fragments and assets alike: a Content-Security-Policy that
 * allows only Heed's own scripts and styles (no inline script or style, no eval: htmx runs with
 * {@code allowEval=false}), no framing, no referrer to other sites, and no caching of pages (they show personal
 * data).
 */
@ApplicationScoped
class ConsoleHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    void install(@Observes Router router) {
        router.routeWithRegex("/console(/.*)?").order(-100).handler(context -> {
            var headers = context.response().headers();
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("X-Frame-Options", "DENY");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "same-origin");
            if (!context.normalizedPath().startsWith("/console/assets/")) {
                headers.set("Cache-Control", "no-store");
            }
            context.next();
        });
    }
}
