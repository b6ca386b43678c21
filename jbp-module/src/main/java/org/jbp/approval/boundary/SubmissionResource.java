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

/** Submitting a DRAFT plan into its approval chain; answers with the plan. */
@Path("plans/{id}/submit")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
public class SubmissionResource {

    @Inject
    ApprovalService approvals;
    @Inject
    PlanViews views;

    @POST
    @Operation(summary = "DRAFT to IN_APPROVAL; 422 lists the required sections still incomplete")
    public Response submit(@PathParam("id") PlanId id) {
        PlanId planId = id;
        return views.afterTransition(planId, () -> approvals.submit(planId));
    }
}
