package io.heed.acknowledgement;

import io.heed.platform.api.ApiError;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every response under {@code /ack} gets the page's security headers, and stays HTML: a refusal that the routing
 * produced before any acknowledgement method ran (an unknown sub-path, a wrong method) would otherwise carry the
 * JSON API's error body, so it is replaced by the HTML page of the same status.
 */
public class AcknowledgementResponseFilter {

    @Inject
    ProblemPages problems;

    @ServerResponseFilter
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/ack") && !path.startsWith("/ack/")) {
            return;
        }
        if (response.getEntity() instanceof ApiError error) {
            var page = problems.status(error.status(), request.getHeaderString("Accept-Language"));
            response.setEntity(page.getEntity(), null, ProblemPages.HTML);
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
