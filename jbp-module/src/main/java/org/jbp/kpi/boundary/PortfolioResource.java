package org.jbp.kpi.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jbp.kpi.control.KpiAlerts;
import org.jbp.kpi.control.KpiDashboards;
import org.jbp.partner.control.PartnerRepository;
import org.jbp.partner.entity.Partner;
import org.jbp.plan.control.PlanAccess;
import org.jbp.plan.control.PlanRepository;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.PlanStatus;
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
    PlanRepository plans;
    @Inject
    PartnerRepository partners;
    @Inject
    PlanAccess access;
    @Inject
    KpiDashboards dashboards;
    @Inject
    KpiAlerts alerts;
    @Inject
    Clock clock;

    public record PortfolioLine(String planId, String title, String partnerAccountId, String partnerName, String tier,
                                String region, LocalDate periodStart, LocalDate periodEnd,
                                BigDecimal attainmentPercent, String status, int openAlerts, List<String> alertKpis) {
    }

    @GET
    @Operation(summary = "Current (ACTIVE) plans with attainment, worst status and open alerts")
    public List<PortfolioLine> portfolio(@QueryParam("tier") String tier, @QueryParam("region") String region) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        PlanAccess.ListScope scope = access.listScope();
        var filter = new PlanRepository.PlanFilter(scope.partner(), PlanStatus.ACTIVE, null, null, null,
                scope.managedBy(), 0, MAX_PLANS);
        List<PortfolioLine> lines = new ArrayList<>();
        for (BusinessPlan plan : plans.search(filter)) {
            if (!access.canSee(plan)) {
                continue;
            }
            Partner partner = partners.find(plan.partner()).orElse(null);
            String partnerTier = partner == null ? null : partner.tier();
            String partnerRegion = partner == null ? null : partner.region();
            if ((tier != null && !tier.isBlank() && !tier.equalsIgnoreCase(partnerTier))
                    || (region != null && !region.isBlank() && !region.equalsIgnoreCase(partnerRegion))) {
                continue;
            }
            KpiDashboards.Dashboard d = dashboards.of(plan);
            List<String> open = alerts.openAlerts(plan.id()).stream().map(a -> a.kpiKey()).sorted().toList();
            lines.add(new PortfolioLine(plan.id().toString(), plan.title(), plan.partner().value(),
                    partner == null ? null : partner.name(), partnerTier, partnerRegion, plan.period().start(),
                    plan.period().end(), d.meanAttainment(), d.worstPace().name(), open.size(), open));
        }
        return lines;
    }
}
