package io.heed.console;

import io.heed.platform.web.ErrorSurface;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Clears a flash message once a page has shown it. */
class ConsoleResponseFilter {

    @Inject
    ConsolePages pages;

    @ServerResponseFilter
    public void clearShownFlash(ContainerRequestContext request, ContainerResponseContext response) {
        if (ErrorSurface.under("/console", request.getUriInfo().getPath())
                && response.getStatus() == 200
                && pages.flashShown()) {
            response.getHeaders()
                    .add("Set-Cookie", ConsoleResponses.flashCookie("", 0).encode());
        }
    }
}
