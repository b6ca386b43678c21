package org.jbp.kpi.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.jbp.kpi.entity.KpiActual;
import org.jbp.plan.control.PlanActuals;
import org.jbp.kernel.PlanId;

/**
 * Current actuals of a plan. A new value is stored only when it differs from the current one,
 * so the table is a time series of changes, not of sync runs.
 */
@ApplicationScoped
public class KpiActuals implements PlanActuals {

    @PersistenceContext(unitName = "jbp")
    EntityManager em;
    @Inject
    Clock clock;

    /** Records a value; returns false when it equals the current one and nothing was stored. */
    public boolean record(PlanId planId, String metric, int quarter, BigDecimal value, String source, String by) {
        BigDecimal current = current(planId).get(key(metric, quarter));
        if (current != null && current.compareTo(value) == 0) {
            return false;
        }
        em.persist(new KpiActual(planId, metric, quarter, value, source, by, clock.instant()));
        return true;
    }

    /**
     * Records a whole set of values from one source for a plan, reading the current values once. Metrics that
     * {@code source} recorded before and that are missing from {@code values} are recorded as 0, so a breakdown
     * value that disappeared in the CRM does not keep its old number. Recording the same set twice stores nothing
     * the second time, which is what makes a restarted sync safe. Returns how many values were stored.
     */
    public int recordAll(PlanId planId, Map<String, BigDecimal> values, String source, String by) {
        return recordAll(planId, values, source, by, metric -> true);
    }

    /**
     * As {@link #recordAll(PlanId, Map, String, String)} for a part of the source's metrics: only metrics that
     * {@code covers} accepts are zeroed when missing, so a partial recomputation leaves the other metrics alone.
     */
    public int recordAll(PlanId planId, Map<String, BigDecimal> values, String source, String by,
                         Predicate<String> covers) {
        List<KpiActual> rows = em.createQuery("select a from KpiActual a where a.planId = :plan "
                        + "order by a.metric, a.quarter, a.recordedAt desc, a.id desc", KpiActual.class)
                .setParameter("plan", planId).getResultList();
        Map<String, KpiActual> latest = new LinkedHashMap<>();
        for (KpiActual row : rows) {
            latest.putIfAbsent(key(row.metric(), row.quarter()), row);
        }
        Map<String, BigDecimal> wanted = new LinkedHashMap<>(values);
        latest.forEach((k, row) -> {
            if (source.equals(row.source()) && !wanted.containsKey(k) && covers.test(row.metric())) {
                wanted.put(k, BigDecimal.ZERO);
            }
        });
        int stored = 0;
        var now = clock.instant();
        for (Map.Entry<String, BigDecimal> e : wanted.entrySet()) {
            KpiActual current = latest.get(e.getKey());
            if (current != null && current.value().compareTo(e.getValue()) == 0) {
                continue;
            }
            int hash = e.getKey().lastIndexOf('#');
            String metric = hash < 0 ? e.getKey() : e.getKey().substring(0, hash);
            int quarter = hash < 0 ? 0 : Integer.parseInt(e.getKey().substring(hash + 1));
            em.persist(new KpiActual(planId, metric, quarter, e.getValue(), source, by, now));
            stored++;
        }
        return stored;
    }

    /** When the values of a plan last changed or were confirmed by {@code source}, if ever. */
    public java.util.Optional<java.time.Instant> lastRecorded(PlanId planId) {
        List<java.time.Instant> at = em.createQuery("select max(a.recordedAt) from KpiActual a where a.planId = :plan",
                java.time.Instant.class).setParameter("plan", planId).getResultList();
        return at.isEmpty() || at.get(0) == null ? java.util.Optional.empty() : java.util.Optional.of(at.get(0));
    }

    @Override
    public Map<String, BigDecimal> current(PlanId planId) {
        return current(List.of(planId)).getOrDefault(planId, new LinkedHashMap<>());
    }

    /**
     * The newest value per metric and quarter of each plan, in one query; a plan without actuals has none. Values
     * only, never managed rows: a page reads every actual of every plan on it, and the sync's alert step 50 a plan
     * for 200 plans in one transaction.
     */
    public Map<PlanId, Map<String, BigDecimal>> current(java.util.Collection<PlanId> planIds) {
        Map<PlanId, Map<String, BigDecimal>> byPlan = new java.util.HashMap<>();
        if (planIds.isEmpty()) {
            return byPlan;
        }
        for (Object[] row : em.createQuery("select a.planId, a.metric, a.quarter, a.value from KpiActual a "
                        + "where a.planId in :plans order by a.metric, a.quarter, a.recordedAt desc, a.id desc",
                        Object[].class)
                .setParameter("plans", planIds).getResultList()) {
            byPlan.computeIfAbsent((PlanId) row[0], k -> new LinkedHashMap<>())
                    .putIfAbsent(key((String) row[1], ((Number) row[2]).intValue()), (BigDecimal) row[3]);
        }
        return byPlan;
    }

    /** See {@link PlanActuals#periodValue}; kept for the readers above kpi. */
    public static BigDecimal periodValue(Map<String, BigDecimal> current, String metric) {
        return PlanActuals.periodValue(current, metric);
    }

    public static String key(String metric, int quarter) {
        return quarter == 0 ? metric : metric + "#" + quarter;
    }
}
