package org.jbp.kpi.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jbp.kpi.control.Portfolio;
import org.jbp.platform.QueryParams;
import org.jbp.security.Roles;

/**
 * The current plans at a glance: a channel manager sees the plans of their partners, admins and approvers all,
 * filtered by tier and region; a partner user only their own account's.
 */
@Path("dashboard/portfolio")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
public class PortfolioResource {

    private static final int MAX_PLANS = 500;

    @Inject
    Portfolio portfolio;

    @GET
    @Operation(summary = "Current (ACTIVE) plans with attainment, worst status and open alerts, newest period "
            + "first; a page of at most 500 (offset, limit; 500 when not given)")
    public List<Portfolio.Line> portfolio(@QueryParam("tier") String tier, @QueryParam("region") String region,
                                          @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return portfolio.current(tier, region, QueryParams.number("offset", offset, 0, 0, Integer.MAX_VALUE),
                QueryParams.number("limit", limit, MAX_PLANS, 1, MAX_PLANS));
    }
}
