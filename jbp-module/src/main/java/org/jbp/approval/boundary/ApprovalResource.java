package org.jbp.approval.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jbp.approval.control.ApprovalService;
import org.jbp.approval.entity.ApprovalStep;
import org.jbp.approval.entity.Decision;
import org.jbp.kernel.PlanId;
import org.jbp.people.control.UserDirectory;
import org.jbp.plan.boundary.LifecycleGuard;
import org.jbp.platform.Ids;
import org.jbp.platform.JsonInput;
import org.jbp.security.Roles;

/** The approval chain of a plan and the decisions on its steps. Decisions name their step: a retry never approves twice. */
@Path("plans/{id}/approvals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
public class ApprovalResource {

    @Inject
    ApprovalService approvals;
    @Inject
    LifecycleGuard guard;
    @Inject
    JsonInput input;
    @Inject
    UserDirectory directory;

    public record DecisionInput(@Size(max = 2000) String reason) {
    }

    public record StepView(UUID id, UUID amendmentId, int round, int position, String kind, String name,
                           String approverRole, String approverUser, String approverUserName, int slaHours,
                           String status, Instant openedAt, Instant dueAt, boolean overdue, Instant escalatedAt,
                           String escalatedTo, String decidedBy, String decidedByName, Instant decidedAt,
                           String reason) {
        /**
         * The decider's name is the one stored with the decision (theirs at the time); the directory's when the
         * decision was stored without one (a token without a name claim stored the id itself).
         */
        public static StepView of(ApprovalStep s, Instant now, Map<String, String> names) {
            boolean overdue = s.status().name().equals("PENDING") && s.dueAt() != null && now.isAfter(s.dueAt());
            String decidedByName = s.decidedByName() != null && !s.decidedByName().equals(s.decidedBy())
                    ? s.decidedByName() : names.getOrDefault(s.decidedBy(), s.decidedByName());
            return new StepView(s.id(), s.amendmentId(), s.round(), s.position(), s.kind().name(), s.name(),
                    s.approverRole(), s.approverUser(), names.get(s.approverUser()), s.slaHours(), s.status().name(),
                    s.openedAt(), s.dueAt(), overdue, s.escalatedAt(), s.escalatedTo(), s.decidedBy(), decidedByName,
                    s.decidedAt(), s.reason());
        }

        static List<String> people(ApprovalStep s) {
            List<String> ids = new java.util.ArrayList<>(2);
            if (s.approverUser() != null) {
                ids.add(s.approverUser());
            }
            if (s.decidedBy() != null) {
                ids.add(s.decidedBy());
            }
            return ids;
        }
    }

    @jakarta.inject.Inject
    java.time.Clock clock;

    @GET
    @Operation(summary = "Every step of every round, with decisions, SLA due times and escalations")
    public List<StepView> chain(@PathParam("id") PlanId id) {
        return views(approvals.chain(id), clock.instant(), directory);
    }

    /** The steps as {@code GET /plans/{id}/approvals} shows them, SLAs judged at {@code now}, names from the directory. */
    public static List<StepView> views(List<ApprovalStep> chain, Instant now, UserDirectory directory) {
        Map<String, String> names = directory.names(chain.stream().flatMap(s -> StepView.people(s).stream()).toList());
        return chain.stream().map(s -> StepView.of(s, now, names)).toList();
    }

    @POST
    @Path("{stepId}/approve")
    @Operation(summary = "Approve the current step")
    public StepView approve(@PathParam("id") PlanId id, @PathParam("stepId") String stepId, String body) {
        return decide(id, stepId, Decision.APPROVE, body);
    }

    @POST
    @Path("{stepId}/request-revision")
    @Operation(summary = "Send the plan back to DRAFT; a reason is required")
    public StepView requestRevision(@PathParam("id") PlanId id, @PathParam("stepId") String stepId, String body) {
        return decide(id, stepId, Decision.REQUEST_REVISION, body);
    }

    @POST
    @Path("{stepId}/reject")
    @Operation(summary = "Reject the plan for good; a reason is required")
    public StepView reject(@PathParam("id") PlanId id, @PathParam("stepId") String stepId, String body) {
        return decide(id, stepId, Decision.REJECT, body);
    }

    private StepView decide(PlanId id, String stepId, Decision decision, String body) {
        PlanId plan = id;
        UUID step = Ids.uuid(stepId, "Approval step");
        String reason = body == null || body.isBlank() ? null : input.bind(body, DecisionInput.class).reason();
        ApprovalStep decided = guard.run(plan, () -> approvals.decide(plan, step, decision, reason));
        return StepView.of(decided, clock.instant(), directory.names(StepView.people(decided)));
    }

}
