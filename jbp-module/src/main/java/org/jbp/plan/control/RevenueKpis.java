package org.jbp.plan.control;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jbp.kernel.Money;
import org.jbp.plan.entity.QuarterTarget;
import org.jbp.plan.entity.RevenueTargets;
import org.jbp.template.entity.KpiDefinition;

/**
 * The KPIs that measure what the revenue section already targets: won revenue, pipeline created and deals
 * registered. Their targets are entered once, in the revenue section (which also splits them by quarter and
 * breaks them down); such a KPI takes its target from there.
 */
public final class RevenueKpis {

    /** The metric (the KPI's source key, else its key) to the revenue section's field of the same figure. */
    static final Map<String, String> FIELD_BY_METRIC = Map.of("revenue_won", "closedRevenue",
            "pipeline_created", "pipeline", "deals_registered", "registeredDeals");

    private RevenueKpis() {
    }

    static String metricOf(KpiDefinition kpi) {
        return kpi.sourceKey() == null || kpi.sourceKey().isBlank() ? kpi.key() : kpi.sourceKey();
    }

    /** The revenue section's field that targets the same figure as {@code kpi}, if any. */
    public static Optional<String> revenueField(KpiDefinition kpi) {
        return revenueFieldOf(metricOf(kpi));
    }

    /** The revenue section's field that targets the figure {@code metric} (a KPI source key) measures, if any. */
    public static Optional<String> revenueFieldOf(String metric) {
        return Optional.ofNullable(FIELD_BY_METRIC.get(metric));
    }

    /** The target the revenue section sets for {@code kpi}; empty when it sets none (or the KPI is another). */
    static Optional<BigDecimal> target(KpiDefinition kpi, RevenueTargets revenue) {
        return revenue == null ? Optional.empty() : revenueField(kpi).map(field -> value(field).apply(revenue));
    }

    /** Per quarter, as the revenue section splits it; null when it has no split. */
    static List<BigDecimal> quarterly(KpiDefinition kpi, RevenueTargets revenue) {
        if (revenue == null || revenue.quarters() == null || revenue.quarters().isEmpty()) {
            return null;
        }
        String field = revenueField(kpi).orElseThrow();
        return revenue.quarters().stream().map(q -> quarterValue(field).apply(q)).toList();
    }

    private static Function<RevenueTargets, BigDecimal> value(String field) {
        return switch (field) {
            case "closedRevenue" -> r -> Money.amountOf(r.closedRevenue());
            case "pipeline" -> r -> Money.amountOf(r.pipeline());
            default -> r -> r.registeredDeals() == null ? null : BigDecimal.valueOf(r.registeredDeals());
        };
    }

    private static Function<QuarterTarget, BigDecimal> quarterValue(String field) {
        return switch (field) {
            case "closedRevenue" -> q -> Money.amountOf(q.closedRevenue());
            case "pipeline" -> q -> Money.amountOf(q.pipeline());
            default -> q -> q.registeredDeals() == null ? null : BigDecimal.valueOf(q.registeredDeals());
        };
    }
}
