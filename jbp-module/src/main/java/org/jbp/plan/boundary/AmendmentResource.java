package org.jbp.plan.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jbp.people.control.UserDirectory;
import org.jbp.plan.control.AmendmentService;
import org.jbp.plan.control.PlanJson;
import org.jbp.plan.entity.Amendment;
import org.jbp.platform.JsonInput;
import org.jbp.platform.ProblemException;
import org.jbp.security.Roles;
import org.jbp.kernel.PlanId;

/** Amendments of an ACTIVE plan: a merge patch of its content with a rationale, approved through the chain. */
@Path("plans/{id}/amendments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
public class AmendmentResource {

    @Inject
    AmendmentService amendments;
    @Inject
    LifecycleGuard guard;
    @Inject
    JsonInput input;
    @Inject
    UserDirectory directory;

    /** {@code changes} is a JSON merge patch of title, sections and vendorCommitments. */
    public record AmendmentInput(@NotBlank @Size(max = 2000) String rationale) {
    }

    public record AmendmentView(UUID id, String rationale, String status, int baseRevision, Integer appliedRevision,
                                String createdBy, String createdByName, Instant createdAt, Instant decidedAt,
                                JsonValue proposedContent) {
        static AmendmentView of(Amendment a, Map<String, String> names) {
            return new AmendmentView(a.id(), a.rationale(), a.status().name(), a.baseRevision(), a.appliedRevision(),
                    a.createdBy(), names.get(a.createdBy()), a.createdAt(), a.decidedAt(),
                    PlanJson.tree(a.proposedContentJson()));
        }
    }

    @POST
    @Operation(summary = "Propose an amendment: {\"rationale\": ..., \"changes\": <merge patch>}")
    public Response propose(@PathParam("id") PlanId id, String body) {
        PlanId planId = id;
        JsonObject json = input.object(body);
        JsonValue changes = json.get("changes");
        if (changes == null || changes.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ProblemException.invalid("changes", "a JSON merge patch object of the plan content is required");
        }
        var rest = jakarta.json.Json.createObjectBuilder(json).remove("changes").build();
        String rationale = input.bind(rest, AmendmentInput.class).rationale();
        Amendment amendment = guard.run(planId, () -> amendments.propose(planId, rationale, changes.asJsonObject()));
        return Response.status(Response.Status.CREATED)
                .entity(AmendmentView.of(amendment, directory.names(List.of(amendment.createdBy())))).build();
    }

    @GET
    @Operation(summary = "The plan's amendments, oldest first")
    public List<AmendmentView> list(@PathParam("id") PlanId id) {
        List<Amendment> all = amendments.all(id);
        Map<String, String> names = directory.names(all.stream().map(Amendment::createdBy).toList());
        return all.stream().map(a -> AmendmentView.of(a, names)).toList();
    }

}
