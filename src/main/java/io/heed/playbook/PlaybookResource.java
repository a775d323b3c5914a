package io.heed.playbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.heed.platform.Json;
import io.heed.platform.error.Refusal;
import io.heed.security.CurrentUser;
import io.heed.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@Path("/api/v1/playbooks")
@Produces(MediaType.APPLICATION_JSON)
class PlaybookResource {

    /** One line of the catalogue: the newest version of a playbook. */
    public record PlaybookSummary(
            String key, int version, String title, int steps, PlaybookVersion.Origin origin, Instant updatedAt) {}

    /** A version in full: its definition and its template files. */
    public record PlaybookDetail(
            String key,
            int version,
            List<Integer> versions,
            PlaybookVersion.Origin origin,
            Instant createdAt,
            String createdBy,
            String contentHash,
            PlaybookDefinition definition,
            Map<String, String> templates) {}

    @Inject
    PlaybookCatalogue playbooks;

    @Inject
    AddPlaybookVersion addVersion;

    @Inject
    CurrentUser currentUser;

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
    public List<PlaybookSummary> list() {
        return playbooks.catalogue().stream()
                .map(v -> new PlaybookSummary(
                        v.key,
                        v.version,
                        playbooks.definition(v.id).title(),
                        playbooks.definition(v.id).steps().size(),
                        v.origin,
                        v.createdAt))
                .toList();
    }

    @GET
    @Path("/{key}")
    @RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
    public PlaybookDetail get(@PathParam("key") String key, @QueryParam("version") Integer version) {
        List<PlaybookVersion> history = playbooks.history(key);
        PlaybookVersion chosen = history.stream()
                .filter(v -> version == null || v.version == version)
                .findFirst()
                .orElseThrow(() -> Refusal.notFound(
                        "No playbook '" + key + "'" + (version == null ? "" : " version " + version) + "."));
        PlaybookSource source = PlaybookCatalogue.sourceOf(chosen);
        return new PlaybookDetail(
                chosen.key,
                chosen.version,
                history.stream().map(v -> v.version).toList(),
                chosen.origin,
                chosen.createdAt,
                chosen.createdBy,
                chosen.contentHash,
                source.definition(),
                source.templates());
    }

    /**
     * A new playbook, or a new version of an existing one: the fields of {@code playbook.yaml} plus
     * {@code templates} (file name to template text).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    public Response create(ObjectNode body) throws JsonProcessingException {
        if (body == null) {
            throw Refusal.invalid("A JSON body with the playbook is required.");
        }
        JsonNode templatesNode = body.remove("templates");
        Map<String, String> templates = new java.util.TreeMap<>();
        if (templatesNode != null && !templatesNode.isNull()) {
            if (!templatesNode.isObject()) {
                throw Refusal.invalid("templates: must be an object of file name to template text.");
            }
            for (var entry : templatesNode.properties()) {
                if (!entry.getValue().isTextual()) {
                    throw Refusal.invalid("templates." + entry.getKey() + ": must be text.");
                }
                templates.put(entry.getKey(), entry.getValue().textValue());
            }
        }
        PlaybookDefinition definition = Json.MAPPER.treeToValue(body, PlaybookDefinition.class);
        PlaybookVersion created = addVersion.fromApi(definition, templates, currentUser.name());
        return Response.created(URI.create("/api/v1/playbooks/" + created.key + "?version=" + created.version))
                .entity(get(created.key, created.version))
                .build();
    }
}
