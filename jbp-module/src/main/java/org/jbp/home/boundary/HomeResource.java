package org.jbp.home.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import java.util.List;
import org.jbp.home.control.ChannelManagerHome;
import org.jbp.home.control.PartnerHome;
import org.jbp.plan.entity.PlanStatus;
import org.jbp.platform.ProblemException;
import org.jbp.platform.QueryParams;
import org.jbp.security.Roles;

/** The home view of the plan tab. */
@Path("home")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
public class HomeResource {

    @Inject
    ChannelManagerHome home;
    @Inject
    PartnerHome partnerHome;

    @GET
    @Operation(summary = "Attainment and pace per plan (filtered by tier, region and status, paged), open alerts, "
            + "reviews due within a week or overdue, plans waiting on the partner's acceptance, plans ending soon "
            + "without a next cycle; every list carries its total")
    public ChannelManagerHome.Home home(@QueryParam("tier") String tier, @QueryParam("region") String region,
                                        @QueryParam("status") String status, @QueryParam("offset") String offset,
                                        @QueryParam("limit") String limit) {
        PlanStatus lineStatus = QueryParams.enumValue("status", status, PlanStatus.class);
        return home.of(new ChannelManagerHome.Filter(text("tier", tier), text("region", region),
                lineStatus == null ? PlanStatus.ACTIVE : lineStatus,
                QueryParams.number("offset", offset, 0, 0, Integer.MAX_VALUE),
                QueryParams.number("limit", limit, 50, 1, 200)));
    }

    @GET
    @Path("partner")
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "A partner user's open plans: what they must do next, and what the vendor committed beside "
            + "what it has delivered so far (MDF requested, approved, paid)")
    public List<PartnerHome.PartnerPlan> partner() {
        return partnerHome.ofMyAccount();
    }

    private static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 80) {
            throw ProblemException.invalid(name, "must be at most 80 characters");
        }
        return value.trim();
    }
}
