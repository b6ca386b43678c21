package org.jbp.plan.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.jbp.people.control.UserDirectory;
import org.jbp.plan.control.PlanAccess;
import org.jbp.plan.control.PlanService;
import org.jbp.plan.control.PlanWorkflow;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.kernel.PlanId;

/**
 * A plan as the API shows it, with its ETag: for plan's endpoints and for the features above plan whose
 * transitions answer with the plan (submit and acceptance in approval).
 */
@RequestScoped
public class PlanViews {

    @Inject
    PlanService service;
    @Inject
    PlanAccess access;
    @Inject
    PlanWorkflow workflow;
    @Inject
    UserDirectory directory;
    @Inject
    LifecycleGuard guard;

    public PlanView of(BusinessPlan plan) {
        return of(plan, workflow.stateOf(plan));
    }

    /** As {@link #of(BusinessPlan)}, with where the plan stands for the caller already worked out. */
    public PlanView of(BusinessPlan plan, PlanWorkflow.State state) {
        PlanWorkflow.PendingStep pending = state.pending().orElse(null);
        return PlanView.of(plan, access.partnerOf(plan).orElse(null), service.templateOf(plan),
                service.missingForSubmission(plan), pending, state.allowedActions(),
                directory.names(PlanView.people(plan, pending)));
    }

    /** The plan as the caller may see it now, 200 with its ETag. */
    public Response current(PlanId planId) {
        BusinessPlan plan = service.visible(planId);
        return Response.ok(of(plan)).tag(etag(plan)).build();
    }

    /** Runs a lifecycle transition (an illegal one is a 409 with the allowed actions) and answers with the plan. */
    public Response afterTransition(PlanId planId, Supplier<?> transition) {
        guard.run(planId, transition);
        return current(planId);
    }

    public static EntityTag etag(BusinessPlan plan) {
        return new EntityTag(Long.toString(plan.version()));
    }
}
