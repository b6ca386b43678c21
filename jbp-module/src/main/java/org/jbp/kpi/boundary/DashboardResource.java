package org.jbp.kpi.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jbp.kpi.control.KpiDashboards;
import org.jbp.plan.control.PlanService;
import org.jbp.security.Roles;
import org.jbp.kernel.PlanId;

/** A plan's planned-vs-actual dashboard; visible to whoever may see the plan (others get 404). */
@Path("plans/{id}/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
public class DashboardResource {

    @Inject
    PlanService plans;
    @Inject
    KpiDashboards dashboards;

    @GET
    @Operation(summary = "Per KPI and target: actual, attainment, pace by today, status, projection; funds, certifications")
    public KpiDashboards.Dashboard dashboard(@PathParam("id") PlanId id) {
        return dashboards.of(plans.visible(id));
    }

}
