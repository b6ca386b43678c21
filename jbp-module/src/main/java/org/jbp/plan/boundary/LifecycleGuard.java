package org.jbp.plan.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Supplier;
import org.jbp.kernel.StateConflict;
import org.jbp.plan.control.PlanRepository;
import org.jbp.plan.control.PlanWorkflow;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.platform.ProblemException;
import org.jbp.kernel.PlanId;

/**
 * Adds to an illegal transition what the caller may do now: the 409 then names the plan's current status and its
 * allowed actions. Platform's problem mapping renders it, as it renders every {@code StateConflict}.
 */
@RequestScoped
public class LifecycleGuard {

    @Inject
    PlanRepository plans;
    @Inject
    PlanWorkflow workflow;

    public <T> T run(PlanId planId, Supplier<T> transition) {
        try {
            return transition.get();
        } catch (BusinessPlan.IllegalTransition e) {
            BusinessPlan plan = plans.find(planId).orElseThrow(() -> ProblemException.notFound("Plan " + planId));
            throw new StateConflict(e.getMessage(), Map.of("status", plan.status().name(),
                    "allowedActions", workflow.allowedActions(plan)));
        }
    }
}
