package org.jbp.report.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbp.kpi.control.KpiDashboards;
import org.jbp.kpi.control.Yardsticks;
import org.jbp.kpi.entity.KpiActual;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.KpiTarget;
import org.jbp.plan.entity.PlanSections;
import org.jbp.plan.entity.RevenueTargets;
import org.jbp.kernel.Money;

/**
 * The burn-up of each headline KPI of a plan (its KPIs, or its revenue targets when it has none), from the
 * stored time series and the dashboard's target and projection as of today.
 */
@ApplicationScoped
public class BurnUps {

    @PersistenceContext(unitName = "jbp")
    EntityManager em;
    @Inject
    KpiDashboards dashboards;

    public List<BurnUp> of(BusinessPlan plan) {
        return of(plan, dashboards.of(plan));
    }

    /** As {@link #of(BusinessPlan)}, with the plan's dashboard already drawn (the tab shows both). */
    public List<BurnUp> of(BusinessPlan plan, KpiDashboards.Dashboard dashboard) {
        Map<String, List<BurnUp.Change>> history = new HashMap<>();
        em.createQuery("select a from KpiActual a where a.planId = :plan order by a.recordedAt, a.id", KpiActual.class)
                .setParameter("plan", plan.id()).getResultList()
                .forEach(a -> history.computeIfAbsent(a.metric(), m -> new ArrayList<>())
                        .add(new BurnUp.Change(a.recordedAt(), a.quarter(), a.value())));
        List<LocalDate[]> quarters = plan.period().quarters().stream()
                .map(r -> new LocalDate[]{r.start(), r.end()}).toList();
        boolean closed = plan.closedAt() != null;
        List<BurnUp> charts = new ArrayList<>();
        for (KpiDashboards.Line line : dashboard.headline()) {
            charts.add(BurnUp.of(line.key(), line.label(), line.unit(), line.target(),
                    quarterly(plan.content().sections(), line.key()), quarters, plan.period().start(),
                    plan.period().end(), dashboard.asOf(), history.getOrDefault(line.metric(), List.of()),
                    closed ? null : line.projection()));
        }
        return charts;
    }

    /** The split per quarter the plan gives the line's target, or null for a straight pace. */
    private static List<BigDecimal> quarterly(PlanSections sections, String key) {
        for (KpiTarget t : sections.kpis() == null ? List.<KpiTarget>of() : sections.kpis()) {
            if (t.kpiKey().equals(key)) {
                return t.quarterly();
            }
        }
        RevenueTargets revenue = sections.revenue();
        if (revenue == null) {
            return null;
        }
        return switch (key) {
            case "pipeline" -> Yardsticks.split(revenue, q -> Money.amountOf(q.pipeline()));
            case "closedRevenue" -> Yardsticks.split(revenue, q -> Money.amountOf(q.closedRevenue()));
            case "registeredDeals" -> Yardsticks.split(revenue,
                    q -> q.registeredDeals() == null ? null : BigDecimal.valueOf(q.registeredDeals()));
            default -> null;
        };
    }
}
