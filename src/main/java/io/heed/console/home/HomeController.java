package io.heed.console.home;

import io.heed.console.ConsolePages;
import io.heed.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The console's home page: what is running, how it stands, and what needs attention. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
class HomeController {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(io.heed.console.Chrome chrome);
    }

    @Inject
    ConsolePages pages;

    @GET
    public TemplateInstance home() {
        return Templates.home(pages.chrome("home", "Home"));
    }
}
