package io.heed.security;

import io.heed.platform.error.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The accounts of the people who run Heed: admins manage them; everyone changes their own password. */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
class AdminAccountResource {

    record PasswordChange(String currentPassword, String newPassword) {}

    @Inject
    AccountQueries accounts;

    @Inject
    CreateAccount createAccount;

    @Inject
    ChangePassword changePassword;

    @Inject
    DeactivateAccount deactivateAccount;

    @Inject
    CurrentUser currentUser;

    @GET
    @RolesAllowed(Role.ADMIN_NAME)
    public List<AccountView> list() {
        return accounts.list();
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    public Response create(CreateAccount.NewAccount request) {
        AdminAccount account = createAccount.create(request, currentUser.name());
        return Response.created(URI.create("/api/v1/accounts/" + account.id))
                .entity(AccountView.of(account))
                .build();
    }

    /** Any signed-in person changes their own password; API tokens have none. */
    @PUT
    @Path("/me/password")
    @RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
    public Response changeOwnPassword(PasswordChange change) {
        if (change == null) {
            throw Refusal.invalid("A JSON body with currentPassword and newPassword is required.");
        }
        changePassword.change(currentUser.name(), change.currentPassword(), change.newPassword());
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response deactivate(@PathParam("id") long id) {
        deactivateAccount.deactivate(id, currentUser.name());
        return Response.noContent().build();
    }
}
