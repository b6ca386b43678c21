package org.jbp.plan.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jbp.kernel.PartnerAccountId;
import org.jbp.plan.entity.PlanStatus;
import org.jbp.platform.ProblemException;
import org.jbp.platform.QueryParams;
import org.jbp.security.Roles;

/** The plans of one partner account: what the plan tab on the account shows. */
@Path("partners/{accountId}/plans")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
public class PartnerPlansResource {

    @Inject
    PlanListing plans;

    @GET
    @Operation(summary = "The partner's plans visible to the caller, newest period first")
    public List<PlanView.Summary> list(@PathParam("accountId") String accountId, @QueryParam("status") String status) {
        String problem = PartnerAccountId.problemWith(accountId);
        if (problem != null) {
            throw ProblemException.invalid("accountId", problem);
        }
        return plans.search(PartnerAccountId.of(accountId), QueryParams.enumValue("status", status, PlanStatus.class),
                null, null, null, 0, 500);
    }
}
