package io.heed.acknowledgement;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every response under {@code /ack} gets the page's security headers (refusals and errors, rendered by
 * {@link AcknowledgementErrorPages}, included).
 */
class AcknowledgementResponseFilter {

    @ServerResponseFilter
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/ack") && !path.startsWith("/ack/")) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", PageStyle.CONTENT_SECURITY_POLICY);
        // The token is in the URL: it must not leak to the step links' sites through the Referer header.
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Cache-Control", "no-store");
        headers.putSingle("X-Robots-Tag", "noindex, nofollow");
    }
}
