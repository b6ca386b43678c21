package org.jbp.template.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jbp.people.control.UserDirectory;
import org.jbp.platform.Ids;
import org.jbp.platform.JsonInput;
import org.jbp.platform.ProblemException;
import org.jbp.platform.QueryParams;
import org.jbp.security.CurrentUser;
import org.jbp.security.Roles;
import org.jbp.template.control.TemplateRepository;
import org.jbp.template.entity.PlanType;
import org.jbp.template.entity.TemplateDefinition;
import org.jbp.template.entity.TemplateVersion;

/** Admin-managed, versioned plan templates. */
@Path("templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class TemplateResource {

    @Inject
    TemplateRepository templates;
    @Inject
    JsonInput input;
    @Inject
    CurrentUser user;
    @Inject
    Clock clock;
    @Inject
    UserDirectory directory;
    @jakarta.ws.rs.core.Context
    UriInfo uri;

    /** A template version as the API shows it. */
    public record TemplateView(UUID id, int version, Instant createdAt, String createdBy, String createdByName,
                               TemplateDefinition definition) {
        static TemplateView of(TemplateVersion v, Map<String, String> names) {
            return new TemplateView(v.templateId(), v.version(), v.createdAt(), v.createdBy(),
                    v.createdBy() == null ? null : names.get(v.createdBy()), v.definition());
        }
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Create a template (version 1)")
    public Response create(@RequestBody(required = true) String body) {
        TemplateDefinition definition = input.bind(body, TemplateDefinition.class);
        TemplateVersion created = TemplateVersion.first(definition, TemplateRepository.toJson(definition),
                user.id(), clock.instant());
        templates.add(created);
        return Response.created(uri.getAbsolutePathBuilder().path(created.templateId().toString()).build())
                .entity(view(created)).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
    @Operation(summary = "The newest version of each template, optionally only those for a tier, partner type or plan type")
    public List<TemplateView> list(@QueryParam("tier") String tier, @QueryParam("partnerType") String partnerType,
                                   @QueryParam("planType") String planTypeName) {
        PlanType planType = QueryParams.enumValue("planType", planTypeName, PlanType.class);
        return views(templates.allLatest().stream()
                .filter(t -> tier == null || t.definition().appliesTo(tier, partnerType))
                .filter(t -> planType == null || t.definition().planType() == planType).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
    @Operation(summary = "A template: its newest version, or the one named by ?version=; the ETag is the version")
    public Response get(@PathParam("id") String id, @QueryParam("version") Integer version) {
        UUID templateId = templateId(id);
        TemplateView view = (version == null ? templates.latest(templateId) : templates.version(templateId, version))
                .map(this::view)
                .orElseThrow(() -> ProblemException.notFound("Template " + id));
        return Response.ok(view).tag(new EntityTag(Integer.toString(view.version()))).build();
    }

    @GET
    @Path("{id}/versions")
    @RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER})
    public List<TemplateView> versions(@PathParam("id") String id) {
        List<TemplateView> all = views(templates.versions(templateId(id)));
        if (all.isEmpty()) {
            throw ProblemException.notFound("Template " + id);
        }
        return all;
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Save a new version of a template; plans keep the version they were made from. "
            + "With If-Match (the ETag of the version edited) a save over someone else's newer version is refused (412)")
    @APIResponse(responseCode = "412", description = "Stale If-Match: problem+json with currentVersion")
    public TemplateView update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                               @RequestBody(required = true) String body) {
        TemplateVersion current = templates.latest(templateId(id))
                .orElseThrow(() -> ProblemException.notFound("Template " + id));
        if (ifMatch != null && !ifMatch.isBlank() && !ifMatch.replace("W/", "").replace("\"", "").trim()
                .equals(Integer.toString(current.version()))) {
            throw ProblemException.stale("template", (long) current.version());
        }
        TemplateDefinition definition = input.bind(body, TemplateDefinition.class);
        TemplateVersion next = current.next(definition, TemplateRepository.toJson(definition), user.id(),
                clock.instant());
        templates.addNext(next);
        return view(next);
    }

    private List<TemplateView> views(List<TemplateVersion> versions) {
        return views(versions, directory);
    }

    /** Versions with their authors by name (one directory look-up for all of them). */
    public static List<TemplateView> views(List<TemplateVersion> versions, UserDirectory directory) {
        Map<String, String> names = directory.names(versions.stream().map(TemplateVersion::createdBy)
                .filter(java.util.Objects::nonNull).distinct().toList());
        return versions.stream().map(v -> TemplateView.of(v, names)).toList();
    }

    /** One version as {@code GET /templates/{id}?version=} shows it. */
    public static TemplateView view(TemplateVersion version, UserDirectory directory) {
        return views(List.of(version), directory).get(0);
    }

    private TemplateView view(TemplateVersion version) {
        return view(version, directory);
    }

    private static UUID templateId(String id) {
        return Ids.uuid(id, "Template");
    }
}
