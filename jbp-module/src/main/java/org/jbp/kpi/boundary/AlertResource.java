package org.jbp.kpi.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jbp.kpi.control.KpiAlerts;
import org.jbp.kpi.entity.KpiAlert;
import org.jbp.plan.control.PlanService;
import org.jbp.security.Roles;
import org.jbp.kernel.PlanId;

/** A plan's KPI alerts, open ones first. */
@Path("plans/{id}/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
public class AlertResource {

    @Inject
    PlanService plans;
    @Inject
    KpiAlerts alerts;

    public record AlertView(String id, String kpiKey, String metric, String status, Instant openedAt,
                            Instant closedAt, BigDecimal thresholdPercent, BigDecimal pacePercent, BigDecimal actual,
                            BigDecimal expected, String reviewId, String message) {
        static AlertView of(KpiAlert a) {
            return new AlertView(a.id().toString(), a.kpiKey(), a.metric(), a.status().name(), a.openedAt(), a.closedAt(),
                    a.threshold(), a.pacePercent(), a.actual(), a.expected(), a.reviewId(), a.message());
        }
    }

    @GET
    @Operation(summary = "KPI alerts of the plan: open first, then newest")
    public List<AlertView> alerts(@PathParam("id") PlanId id) {
        return openFirst(alerts.history(plans.visible(id).id()));
    }

    /** The alerts as {@code GET /plans/{id}/alerts} shows them: open ones first, each group as given (newest first). */
    public static List<AlertView> openFirst(List<KpiAlert> history) {
        return history.stream()
                .sorted((a, b) -> Boolean.compare(b.isOpen(), a.isOpen()))
                .map(AlertView::of).toList();
    }
}
