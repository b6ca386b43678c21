package org.jbp.plan.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jbp.people.control.UserDirectory;
import org.jbp.plan.control.PlanJson;
import org.jbp.plan.control.PlanService;
import org.jbp.plan.entity.PlanRevision;
import org.jbp.security.Roles;
import org.jbp.kernel.PlanId;

/** The immutable history of a plan and field-level differences between any two revisions. */
@Path("plans/{id}/revisions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
public class RevisionResource {

    @Inject
    PlanService service;
    @Inject
    UserDirectory directory;

    /** {@code authorName} beside the author's id when the user directory knows it. */
    public record RevisionView(int number, String author, String authorName, Instant at, String reason,
                               List<String> changedFields) {
        static RevisionView of(PlanRevision r, Map<String, String> names) {
            return new RevisionView(r.number(), r.author(), names.get(r.author()), r.at(), r.reason(),
                    r.changedFields());
        }
    }

    public record RevisionDetail(int number, String author, String authorName, Instant at, String reason,
                                 List<String> changedFields, JsonValue content) {
    }

    @JsonbNillable
    public record Change(String field, String kind, JsonValue before, JsonValue after) {
    }

    public record Diff(int from, int to, List<Change> changes) {
    }

    @GET
    @Operation(summary = "Every saved change of the plan, oldest first")
    public List<RevisionView> list(@PathParam("id") PlanId id) {
        return views(service.revisions(id), directory);
    }

    /** The revisions as {@code GET /plans/{id}/revisions} shows them, with their authors' names. */
    public static List<RevisionView> views(List<PlanRevision> revisions, UserDirectory directory) {
        Map<String, String> names = directory.names(revisions.stream().map(PlanRevision::author).toList());
        return revisions.stream().map(r -> RevisionView.of(r, names)).toList();
    }

    @GET
    @Path("{number}")
    @Operation(summary = "One revision with the full content as it was saved")
    public RevisionDetail get(@PathParam("id") PlanId id, @PathParam("number") int number) {
        PlanRevision r = service.revision(id, number);
        return new RevisionDetail(r.number(), r.author(), directory.name(r.author()).orElse(null), r.at(), r.reason(),
                r.changedFields(),
                PlanJson.tree(r.snapshotJson()));
    }

    @GET
    @Path("{from}/diff/{to}")
    @Operation(summary = "Field-level differences from one revision to another")
    public Diff diff(@PathParam("id") PlanId id, @PathParam("from") int from, @PathParam("to") int to) {
        List<Change> changes = service.diff(id, from, to).stream()
                .map(c -> new Change(c.field(), c.kind(), c.before(), c.after())).toList();
        return new Diff(from, to, changes);
    }

}
