package org.jbp.kpi.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jbp.kernel.Money;
import org.jbp.kernel.PlanId;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.KpiTarget;
import org.jbp.plan.entity.PlanContent;
import org.jbp.plan.entity.PlanSections;
import org.jbp.plan.entity.QuarterTarget;
import org.jbp.plan.entity.RevenueTargets;
import org.jbp.template.control.TemplateRepository;
import org.jbp.template.entity.KpiDefinition;
import org.jbp.template.entity.KpiDirection;

/**
 * What each line of a plan's dashboard is measured against on a day: its target, the value expected by that day,
 * the alert threshold and the direction. All of it follows from the plan's content and template version and the
 * date, not from actuals, so it is computed once per plan version and day and kept per node: a portfolio page of 500
 * plans spent 38% of its time recomputing it on every request (issue 16, profile in bench/README).
 * <p>
 * Kept by plan id, row version and day, and taken only for the very content object it was computed from: content
 * being edited is a new object before the row's version rises, so it is never answered from a measure of the old.
 */
@ApplicationScoped
public class Yardsticks {

    /** As many as {@code PlanContents} keeps parsed: a few hundred bytes a plan. */
    static final int DEFAULT_CAPACITY = 2_000;

    /** One line's yardstick; {@code usesPipeline} when its projection adds the weighted open pipeline. */
    public record Measure(String key, String label, String metric, String unit, BigDecimal target,
                          BigDecimal expected, BigDecimal threshold, boolean lowerIsBetter, boolean usesPipeline) {
    }

    /** A plan's measures on a day: its KPIs and its revenue targets, in the order the dashboard shows them. */
    public record Yardstick(List<Measure> kpis, List<Measure> targets) {
    }

    private record Key(PlanId planId, long version, LocalDate day) {
    }

    private record Kept(PlanContent content, Yardstick yardstick) {
    }

    @Inject
    TemplateRepository templates;

    private final Map<Key, Kept> kept;

    public Yardsticks() {
        this(DEFAULT_CAPACITY);
    }

    Yardsticks(int capacity) {
        // least recently used first, as PlanContents: a page read again and again stays
        this.kept = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
                return size() > capacity;
            }
        };
    }

    public Yardstick of(BusinessPlan plan, LocalDate day) {
        if (plan.id() == null) {
            return measure(plan, day);
        }
        Key key = new Key(plan.id(), plan.version(), day);
        Kept known;
        synchronized (kept) {
            known = kept.get(key);
        }
        if (known != null && known.content() == plan.content()) {
            return known.yardstick();
        }
        // computed outside the lock: two requests may compute the same plan at once, with equal results
        Yardstick computed = measure(plan, day);
        synchronized (kept) {
            kept.put(key, new Kept(plan.content(), computed));
        }
        return computed;
    }

    private Yardstick measure(BusinessPlan plan, LocalDate day) {
        Period period = new Period(plan, day);
        PlanSections s = plan.content().sections();
        List<KpiDefinition> definitions = definitionsOf(plan);
        Map<String, KpiDefinition> byKey = new HashMap<>();
        for (KpiDefinition d : definitions) {
            byKey.putIfAbsent(d.key(), d);
        }

        List<Measure> kpis = new ArrayList<>();
        for (KpiTarget target : s.kpis() == null ? List.<KpiTarget>of() : s.kpis()) {
            KpiDefinition d = byKey.get(target.kpiKey());
            String metric = d == null || d.sourceKey() == null ? target.kpiKey() : d.sourceKey();
            kpis.add(new Measure(target.kpiKey(), d == null ? target.kpiKey() : d.label(), metric,
                    d == null ? null : d.unit().name(), target.target(), period.expected(target.target(),
                    target.quarterly()), threshold(d == null ? null : d.alertThresholdPercent()),
                    d != null && d.directionOrDefault() == KpiDirection.LOWER_IS_BETTER,
                    "revenue_won".equals(metric)));
        }

        List<Measure> targets = new ArrayList<>();
        RevenueTargets revenue = s.revenue();
        if (revenue != null) {
            addTarget(targets, "pipeline", "Pipeline", "pipeline_created", "CURRENCY",
                    Money.amountOf(revenue.pipeline()), split(revenue, q -> Money.amountOf(q.pipeline())),
                    period, definitions, false);
            addTarget(targets, "closedRevenue", "Closed revenue", "revenue_won", "CURRENCY",
                    Money.amountOf(revenue.closedRevenue()), split(revenue, q -> Money.amountOf(q.closedRevenue())),
                    period, definitions, true);
            addTarget(targets, "registeredDeals", "Registered deals", "deals_registered", "COUNT",
                    revenue.registeredDeals() == null ? null : BigDecimal.valueOf(revenue.registeredDeals()),
                    split(revenue, q -> q.registeredDeals() == null ? null : BigDecimal.valueOf(q.registeredDeals())),
                    period, definitions, false);
        }
        return new Yardstick(List.copyOf(kpis), List.copyOf(targets));
    }

    /** The KPIs the plan's template version defines (labels, units, thresholds, directions, CRM metrics). */
    List<KpiDefinition> definitionsOf(BusinessPlan plan) {
        return templates.version(plan.templateId(), plan.templateVersion()).map(v -> v.definition().kpis())
                .orElse(List.of());
    }

    private static void addTarget(List<Measure> measures, String key, String label, String metric, String unit,
                                  BigDecimal target, List<BigDecimal> quarterly, Period period,
                                  List<KpiDefinition> definitions, boolean usesPipeline) {
        if (target == null) {
            return;
        }
        // the threshold of the first template KPI that reads the same metric and has one
        BigDecimal threshold = null;
        for (KpiDefinition d : definitions) {
            if (metric.equals(d.sourceKey()) && d.alertThresholdPercent() != null) {
                threshold = d.alertThresholdPercent();
                break;
            }
        }
        measures.add(new Measure(key, label, metric, unit, target, period.expected(target, quarterly),
                threshold(threshold), false, usesPipeline));
    }

    private static BigDecimal threshold(BigDecimal fromTemplate) {
        return fromTemplate == null ? Pace.DEFAULT_THRESHOLD : fromTemplate;
    }

    /**
     * A revenue target's split per quarter of the period, quarter 1 first, a missing quarter as zero (the first
     * entry of a quarter counts); null when the plan has none.
     */
    public static List<BigDecimal> split(RevenueTargets revenue, Function<QuarterTarget, BigDecimal> part) {
        List<QuarterTarget> given = revenue.quarters();
        if (given == null || given.isEmpty()) {
            return null;
        }
        int n = 0;
        for (QuarterTarget t : given) {
            n = Math.max(n, t.quarter());
        }
        BigDecimal[] split = new BigDecimal[n];
        boolean[] seen = new boolean[n];
        for (QuarterTarget t : given) {
            int i = t.quarter() - 1;
            if (i >= 0 && !seen[i]) {
                seen[i] = true;
                split[i] = part.apply(t);
            }
        }
        List<BigDecimal> parts = new ArrayList<>(n);
        for (BigDecimal value : split) {
            parts.add(value == null ? BigDecimal.ZERO : value);
        }
        return parts;
    }

    /** The plan's period and quarters with their elapsed shares on the day, worked out once for all its lines. */
    private static final class Period {
        private final BigDecimal share;
        private final List<BigDecimal> quarterShares = new ArrayList<>();

        Period(BusinessPlan plan, LocalDate day) {
            this.share = BigDecimal.valueOf(Pace.elapsedShare(plan.period().start(), plan.period().end(), day));
            plan.period().quarters().forEach(q -> quarterShares.add(
                    BigDecimal.valueOf(Pace.elapsedShare(q.start(), q.end(), day))));
        }

        BigDecimal expected(BigDecimal target, List<BigDecimal> quarterly) {
            return Pace.expected(target, quarterly, quarterShares, share);
        }
    }
}
