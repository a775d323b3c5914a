package io.heed.console.settings;

import io.heed.console.Chrome;
import io.heed.console.ConsolePages;
import io.heed.console.ConsoleResponses;
import io.heed.console.Flash;
import io.heed.console.FormErrors;
import io.heed.delivery.DeliveryStatusQueries;
import io.heed.delivery.OutboxQueries;
import io.heed.delivery.SendDeliveryCheck;
import io.heed.platform.error.Refusal;
import io.heed.security.CurrentUser;
import io.heed.security.LinkTokens;
import io.heed.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Settings an administrator checks rather than edits: they come from configuration (environment, secrets), so
 * the page shows them as Heed runs with them and says which property changes each.
 */
@Path("/console/settings")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
class SettingsController {

    /** One health check as {@code /q/health} reports it. */
    record HealthCheck(String name, boolean up, String detail) {}

    /** What the page shows besides the form. */
    record Settings(
            DeliveryStatusQueries.Relay relay,
            DeliveryStatusQueries.Status delivery,
            String linksBaseUrl,
            String version,
            boolean healthy,
            List<HealthCheck> health) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(
                Chrome chrome, Settings settings, OutboxQueries.MessageView check, String to, FormErrors errors);

        static native TemplateInstance settings$delivery(DeliveryStatusQueries.Status delivery);

        static native TemplateInstance settings$check(OutboxQueries.MessageView check);
    }

    @Inject
    ConsolePages pages;

    @Inject
    CurrentUser currentUser;

    @Inject
    DeliveryStatusQueries deliveryStatus;

    @Inject
    SendDeliveryCheck sendDeliveryCheck;

    @Inject
    OutboxQueries outbox;

    @Inject
    LinkTokens linkTokens;

    @Inject
    SmallRyeHealthReporter healthReporter;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
    String version;

    @GET
    public TemplateInstance page(@QueryParam("check") Long check) {
        OutboxQueries.MessageView message = check == null ? null : checkMessage(check);
        return Templates.settings(
                pages.chrome("settings", "Settings"), settings(), message, currentUser.name(), FormErrors.NONE);
    }

    @POST
    @Path("/check")
    public Object sendCheck(@RestForm String to) {
        try {
            OutboxQueries.MessageView message = sendDeliveryCheck.send(to, currentUser.name());
            return ConsoleResponses.seeOther(
                    "/console/settings?check=" + message.id() + "#check",
                    Flash.success("A check message to " + message.toAddress() + " is queued."));
        } catch (Refusal refusal) {
            FormErrors errors = FormErrors.of(refusal);
            return Response.status(422)
                    .entity(Templates.settings(pages.chrome("settings", "Settings"), settings(), null, to, errors))
                    .build();
        }
    }

    /** The live delivery status (htmx polls it). */
    @GET
    @Path("/delivery")
    public TemplateInstance delivery() {
        return Templates.settings$delivery(deliveryStatus.status());
    }

    /** A check message's state (htmx polls it until the message is sent or failed). */
    @GET
    @Path("/check/{id}")
    public TemplateInstance check(@PathParam("id") long id) {
        return Templates.settings$check(checkMessage(id));
    }

    /** Only delivery checks are shown here: any other outbox id answers like a missing one. */
    private OutboxQueries.MessageView checkMessage(long id) {
        OutboxQueries.MessageView message = outbox.message(id);
        if (!SendDeliveryCheck.KIND.equals(message.kind())) {
            throw Refusal.notFound("No check message " + id + ".");
        }
        return message;
    }

    private static String describe(JsonObject data) {
        List<String> parts = new ArrayList<>();
        data.forEach((key, value) -> parts.add(key + ": "
                + (value.getValueType() == JsonValue.ValueType.STRING
                        ? ((jakarta.json.JsonString) value).getString()
                        : value.toString())));
        return String.join(" · ", parts);
    }

    private Settings settings() {
        var health = healthReporter.getHealth();
        List<HealthCheck> checks = new ArrayList<>();
        JsonObject payload = health.getPayload();
        for (JsonValue value : payload.getJsonArray("checks")) {
            JsonObject check = value.asJsonObject();
            JsonObject data = check.getJsonObject("data");
            checks.add(new HealthCheck(
                    check.getString("name"),
                    "UP".equals(check.getString("status")),
                    data == null ? "" : describe(data)));
        }
        return new Settings(
                deliveryStatus.relay(),
                deliveryStatus.status(),
                linkTokens.baseUrl(),
                version,
                !health.isDown(),
                checks);
    }
}
