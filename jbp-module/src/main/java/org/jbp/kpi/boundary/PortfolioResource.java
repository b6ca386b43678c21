package org.jbp.kpi.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jbp.kpi.control.KpiAlerts;
import org.jbp.kpi.control.KpiDashboards;
import org.jbp.kpi.control.Pace;
import org.jbp.partner.control.PartnerRepository;
import org.jbp.partner.entity.Partner;
import org.jbp.plan.control.PlanAccess;
import org.jbp.plan.control.PlanRepository;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.PlanStatus;
import org.jbp.security.CurrentUser;
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
    CurrentUser user;
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
        String managedBy = user.is(Roles.CHANNEL_MANAGER) && !user.isAdmin() ? user.id() : null;
        var filter = new PlanRepository.PlanFilter(
                access.confinedToOwnAccount() ? user.requirePartnerAccount() : null,
                PlanStatus.ACTIVE, null, null, null, managedBy, 0, MAX_PLANS);
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
                    plan.period().end(), attainment(d), worst(d), open.size(), open));
        }
        return lines;
    }

    /** The mean attainment of the plan's KPI lines (targets when it has no KPIs). */
    private static BigDecimal attainment(KpiDashboards.Dashboard d) {
        List<BigDecimal> values = (d.kpis().isEmpty() ? d.targets() : d.kpis()).stream()
                .map(KpiDashboards.Line::attainmentPercent).filter(Objects::nonNull).toList();
        if (values.isEmpty()) {
            return null;
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }

    private static String worst(KpiDashboards.Dashboard d) {
        Pace.Status worst = Pace.Status.ON_TRACK;
        for (KpiDashboards.Line line : d.watched()) {
            Pace.Status s = Pace.Status.valueOf(line.status());
            worst = s.ordinal() > worst.ordinal() ? s : worst;
        }
        return worst.name();
    }
}
