package org.jbp.incentive.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jbp.notification.control.Notifier;
import org.jbp.plan.control.PlanEvent;
import org.jbp.plan.control.PlanRepository;
import org.jbp.plan.entity.BusinessPlan;

/**
 * What the write-back does at plan milestones, in the milestone's own transaction: MDF eligibility flags at submit,
 * fund requests at approval, incentive evaluation at reviews and at close.
 */
@ApplicationScoped
public class PlanMilestones {

    @Inject
    PlanRepository plans;
    @Inject
    FundRequests fundRequests;
    @Inject
    IncentiveEvaluator evaluator;
    @Inject
    Notifier notifier;

    void on(@Observes PlanEvent event) {
        switch (event.kind()) {
            case SUBMITTED -> flagMdf(event);
            case APPROVED, AMENDMENT_APPROVED -> plans.find(event.planId()).ifPresent(fundRequests::requestFor);
            case REVIEWED -> evaluator.evaluatePlan(event.planId(), "REVIEW");
            case CLOSED -> evaluator.evaluatePlan(event.planId(), "CLOSE");
        }
    }

    /** Flagged, not refused: approvers see the warning in the plan's funds and the owner is told. */
    private void flagMdf(PlanEvent event) {
        BusinessPlan plan = plans.find(event.planId()).orElseThrow();
        for (FundRequests.MdfWarning warning : fundRequests.warnings(plan)) {
            notifier.user(plan.ownerId(), plan, "MDF_OVER_ELIGIBILITY", warning.message());
        }
    }
}
