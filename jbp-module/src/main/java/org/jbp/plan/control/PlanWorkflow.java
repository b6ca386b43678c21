package org.jbp.plan.control;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jbp.plan.entity.BusinessPlan;

/**
 * What the approval feature adds to a plan as the API shows it: the step waiting for a decision and the lifecycle
 * actions the caller may take now. Approval implements it ({@code ApprovalWorkflow}); plan sits below approval and
 * asks only through this interface.
 */
public interface PlanWorkflow {

    /** The step of the current round waiting for a decision, as the plan view names it. */
    record PendingStep(UUID id, String kind, String name, String approverRole, String approverUser, Instant dueAt,
                       Instant escalatedAt, String escalatedTo, UUID amendmentId) {
    }

    /** Where the plan stands for the caller: the pending step, if any, and what they may do now. */
    record State(Optional<PendingStep> pending, List<String> allowedActions) {
    }

    State stateOf(BusinessPlan plan);

    /** The actions alone: what every refused transition (409) lists. */
    default List<String> allowedActions(BusinessPlan plan) {
        return stateOf(plan).allowedActions();
    }
}
