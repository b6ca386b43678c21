package org.jbp.approval.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.jbp.approval.entity.ApprovalStep;
import org.jbp.approval.entity.StepStatus;
import org.jbp.plan.control.PlanWorkflow;
import org.jbp.plan.entity.BusinessPlan;

/** The plan's pending step and the caller's actions, for the plan view and the 409s of plan's endpoints. */
@RequestScoped
public class ApprovalWorkflow implements PlanWorkflow {

    @Inject
    ApprovalRepository steps;
    @Inject
    PlanActions actions;

    @Override
    public State stateOf(BusinessPlan plan) {
        Optional<ApprovalStep> pending = steps.pending(plan.id());
        return new State(pending.map(ApprovalWorkflow::pendingStep), actions.allowed(plan, pending));
    }

    /**
     * As {@link #stateOf(BusinessPlan)}, from the plan's approval chain already read ({@code ApprovalService.chain}),
     * so a caller showing both reads the steps once: the pending step is the chain's step waiting for a decision.
     */
    public State stateOf(BusinessPlan plan, List<ApprovalStep> chain) {
        Optional<ApprovalStep> pending = chain.stream().filter(s -> s.status() == StepStatus.PENDING).findFirst();
        return new State(pending.map(ApprovalWorkflow::pendingStep), actions.allowed(plan, pending));
    }

    static PendingStep pendingStep(ApprovalStep s) {
        return new PendingStep(s.id(), s.kind().name(), s.name(), s.approverRole(), s.approverUser(), s.dueAt(),
                s.escalatedAt(), s.escalatedTo(), s.amendmentId());
    }
}
