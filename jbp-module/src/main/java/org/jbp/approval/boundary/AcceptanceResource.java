package org.jbp.approval.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jbp.approval.control.ApprovalService;
import org.jbp.kernel.PlanId;
import org.jbp.plan.boundary.PlanViews;
import org.jbp.security.Roles;

/** The partner's acceptance, the first step of the chain where the template or tier asks for it; answers with the plan. */
@Path("plans/{id}/acceptance")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
public class AcceptanceResource {

    @Inject
    ApprovalService approvals;
    @Inject
    PlanViews views;

    @POST
    @Operation(summary = "The partner's authorised user accepts the plan (the first step of the chain)")
    public Response accept(@PathParam("id") PlanId id) {
        PlanId planId = id;
        return views.afterTransition(planId, () -> approvals.accept(planId));
    }
}
