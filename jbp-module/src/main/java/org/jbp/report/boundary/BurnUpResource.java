package org.jbp.report.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jbp.plan.control.PlanService;
import org.jbp.report.control.BurnUp;
import org.jbp.report.control.BurnUps;
import org.jbp.security.Roles;
import org.jbp.kernel.PlanId;

/** The trend of each headline KPI of a plan, for the tab's charts; visible to whoever may see the plan. */
@Path("plans/{id}/burn-up")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
public class BurnUpResource {

    @Inject
    PlanService plans;
    @Inject
    BurnUps burnUps;

    @GET
    @Operation(summary = "Per headline KPI: the actual over the period (from the stored time series), the planned "
            + "pace by quarter, the projection to the period's end and the quarter boundaries")
    public List<BurnUp> burnUp(@PathParam("id") PlanId id) {
        return burnUps.of(plans.visible(id));
    }
}
