package io.heed.console.home;

import io.heed.compliance.ComplianceFilter;
import io.heed.compliance.dashboard.ComplianceOverviewQueries;
import io.heed.console.Chrome;
import io.heed.console.ConsolePages;
import io.heed.delivery.DeliveryStatusQueries;
import io.heed.directory.EmployeeQueries;
import io.heed.playbook.PlaybookCatalogue;
import io.heed.security.CurrentUser;
import io.heed.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The console's home page: what is running and how it stands, the nearest deadlines, and what needs attention
 * (delivery refusing or stalled, failed deliveries, overdue regions); the first steps while there is nothing yet.
 * Its live part is re-read every few seconds by htmx ({@code /console/home/live}); without script, a reload.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
class HomeController {

    /** Failed deliveries the page lists. */
    static final int FAILURES = 5;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Chrome chrome, HomeView home);

        static native TemplateInstance home$live(HomeView home, boolean admin);
    }

    @Inject
    ConsolePages pages;

    @Inject
    CurrentUser currentUser;

    @Inject
    ComplianceOverviewQueries overview;

    @Inject
    DeliveryStatusQueries delivery;

    @Inject
    EmployeeQueries employees;

    @Inject
    PlaybookCatalogue playbooks;

    @Inject
    Clock clock;

    @GET
    public TemplateInstance home() {
        return Templates.home(pages.chrome("home", "Home"), view());
    }

    @GET
    @Path("/home/live")
    public TemplateInstance live() {
        return Templates.home$live(view(), currentUser.has(Role.ADMIN));
    }

    private HomeView view() {
        var scope = currentUser.regionScope();
        // Failed deliveries name addresses of every region: only an administrator sees them listed.
        boolean admin = currentUser.has(Role.ADMIN);
        return HomeView.of(
                employees.anyone(scope),
                !playbooks.catalogue().isEmpty(),
                overview.overview(ComplianceFilter.of(scope, null, null)),
                delivery.status(),
                admin ? delivery.recentFailures(FAILURES) : java.util.List.of(),
                LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }
}
