package org.jbp.approval.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jbp.approval.entity.ApprovalStep;
import org.jbp.approval.entity.StepKind;
import org.jbp.plan.control.PlanAccess;
import org.jbp.plan.entity.BusinessPlan;

/** The lifecycle actions the caller may take on a plan now: shown in the plan view and in every 409. */
@RequestScoped
public class PlanActions {

    @Inject
    ApprovalRepository steps;
    @Inject
    ApprovalService approvals;
    @Inject
    PlanAccess access;

    public List<String> allowed(BusinessPlan plan) {
        return allowed(plan, steps.pending(plan.id()));
    }

    /** As {@link #allowed(BusinessPlan)}, with the pending step the caller has already read. */
    public List<String> allowed(BusinessPlan plan, Optional<ApprovalStep> pending) {
        List<String> actions = new ArrayList<>();
        if (!access.canSee(plan)) {
            return actions;
        }
        boolean manager = access.actsForVendorOn(plan);
        boolean partnerOfPlan = access.isPartnerUserOf(plan);
        switch (plan.status()) {
            case DRAFT -> {
                if (manager || partnerOfPlan) {
                    actions.add("edit");
                }
                if (manager) {
                    actions.add("submit");
                }
            }
            case IN_APPROVAL -> pending.filter(s -> s.amendmentId() == null)
                    .ifPresent(step -> addDecisions(plan, step, actions));
            case APPROVED -> {
                if (manager) {
                    actions.add("close");
                }
            }
            case ACTIVE -> {
                pending.ifPresent(step -> addDecisions(plan, step, actions));
                if (manager || partnerOfPlan) {
                    actions.add("amend");
                    actions.add("review");
                }
                if (manager) {
                    actions.add("record-actuals");
                    actions.add("close");
                }
            }
            case CLOSED -> {
                if (manager) {
                    actions.add("next-cycle");
                }
            }
            case REJECTED -> {
            }
        }
        actions.add("comment");
        return actions;
    }

    private void addDecisions(BusinessPlan plan, ApprovalStep step, List<String> actions) {
        if (!approvals.mayDecide(plan, step)) {
            return;
        }
        if (step.kind() == StepKind.ACCEPTANCE) {
            actions.add("accept");
        } else {
            actions.add("approve");
        }
        actions.add("request-revision");
        actions.add("reject");
    }
}
