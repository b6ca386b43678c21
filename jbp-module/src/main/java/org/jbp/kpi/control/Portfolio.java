package org.jbp.kpi.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;
import org.jbp.partner.entity.Partner;
import org.jbp.plan.control.PlanAccess;
import org.jbp.plan.control.PlanContents;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.PlanStatus;
import org.jbp.kernel.PlanId;

/**
 * The current plans at a glance. Who sees which plans (the list scope), the tier and region filters and the page
 * are one query in PostgreSQL with the partner joined; actuals and open alerts are then read for the whole page in
 * one query each, so a portfolio costs four statements whether the org has 500 plans or 50,000.
 */
@RequestScoped
public class Portfolio {

    public record Line(String planId, String title, String partnerAccountId, String partnerName, String tier,
                       String region, LocalDate periodStart, LocalDate periodEnd, BigDecimal attainmentPercent,
                       String status, int openAlerts, List<String> alertKpis) {
        /**
         * By the plan alone, which equal lines share: JSON-B's recursion check hashes the page's list and each line
         * as it writes them, and a record's own hash code over all twelve fields was 20% of a 500-line page.
         */
        @Override
        public int hashCode() {
            return planId.hashCode();
        }
    }

    @PersistenceContext(unitName = "jbp")
    EntityManager em;
    @Inject
    PlanAccess access;
    @Inject
    PlanContents contents;
    @Inject
    KpiDashboards dashboards;
    @Inject
    KpiActuals actuals;
    @Inject
    KpiAlerts alerts;

    /**
     * A page of the ACTIVE plans the caller sees, of partners in {@code tier} and {@code region} (case-insensitive,
     * null for any).
     */
    public List<Line> current(String tier, String region, int offset, int limit) {
        StringBuilder jpql = new StringBuilder("select p, pa from BusinessPlan p left join Partner pa "
                + "on pa.accountId = p.partner where p.status = :active");
        Map<String, Object> params = new HashMap<>();
        params.put("active", PlanStatus.ACTIVE);
        jpql.append(access.listConditions(tier, region, params));
        jpql.append(" order by p.period.start desc, p.createdAt desc, p.id");
        // a read model: EclipseLink builds no managed copy of each plan and partner (PlanContents attaches only the
        // parsed content, which is transient)
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class)
                .setHint(QueryHints.READ_ONLY, HintValues.TRUE);
        params.forEach(query::setParameter);
        List<Object[]> rows = query.setFirstResult(offset).setMaxResults(limit).getResultList();

        List<PlanId> ids = rows.stream().map(r -> ((BusinessPlan) r[0]).id()).toList();
        Map<PlanId, Map<String, BigDecimal>> currentActuals = actuals.current(ids);
        Map<PlanId, List<String>> openAlertKpis = alerts.openAlertKpis(ids);
        List<Line> lines = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            BusinessPlan plan = (BusinessPlan) row[0];
            contents.attach(plan);
            Partner partner = (Partner) row[1];
            KpiDashboards.Dashboard d = dashboards.summary(plan, currentActuals.getOrDefault(plan.id(), Map.of()));
            List<String> open = openAlertKpis.getOrDefault(plan.id(), List.of());
            lines.add(new Line(plan.id().toString(), plan.title(), plan.partner().value(),
                    partner == null ? null : partner.name(), partner == null ? null : partner.tier(),
                    partner == null ? null : partner.region(), plan.period().start(), plan.period().end(),
                    d.meanAttainment(), d.worstPace().name(), open.size(), open));
        }
        return lines;
    }
}
