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
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

@Path("/api/v1/playbooks")
@Produces(MediaType.APPLICATION_JSON)
class PlaybookResource {

    @Inject
    PlaybookQueries queries;

    @Inject
    AddPlaybookVersion addVersion;

    @Inject
    CurrentUser currentUser;

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
    public List<PlaybookQueries.PlaybookSummary> list() {
        return queries.catalogue();
    }

    @GET
    @Path("/{key}")
    @RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
    public PlaybookQueries.PlaybookDetail get(@PathParam("key") String key, @QueryParam("version") Integer version) {
        return queries.detail(key, version);
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

    /** A version (the newest when no {@code version}) as a ZIP of its folder: the layout {@link #upload} takes. */
    @GET
    @Path("/{key}/download")
    @Produces("application/zip")
    @RolesAllowed({Role.ADMIN_NAME, Role.REGION_OFFICER_NAME, Role.AUDITOR_NAME})
    public Response download(@PathParam("key") String key, @QueryParam("version") Integer version) {
        PlaybookQueries.Archive archive = queries.archive(key, version);
        return Response.ok(archive.content(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + archive.fileName() + "\"")
                .build();
    }

    /**
     * A new version of playbook {@code key} as a ZIP of its folder ({@code playbook.yaml} and the templates, at the
     * top of the archive or in one folder), checked as the folder is; problems name their file and line.
     */
    @POST
    @Path("/{key}/versions")
    @Consumes("application/zip")
    @RolesAllowed(Role.ADMIN_NAME)
    public Response upload(@PathParam("key") String key, InputStream zip) {
        PlaybookVersion created = addVersion.fromZip(key, zip, currentUser.name());
        return Response.created(URI.create("/api/v1/playbooks/" + created.key + "?version=" + created.version))
                .entity(get(created.key, created.version))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }
}
