package org.jbp.kpi.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jbp.kernel.Money;
import org.jbp.kernel.PartnerAccountId;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.KpiTarget;
import org.jbp.plan.entity.PlanContent;
import org.jbp.plan.entity.PlanPeriod;
import org.jbp.plan.entity.PlanSections;
import org.jbp.plan.entity.QuarterTarget;
import org.jbp.plan.entity.RevenueTargets;
import org.jbp.template.entity.KpiDefinition;
import org.junit.jupiter.api.Test;

/**
 * What a dashboard line is measured against: the value expected by the day, from the plan's split; kept per plan
 * version and day, and never the old target for content being edited.
 */
class YardsticksTest {

    static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");
    /** The end of the second quarter of fiscal 2026 (January start). */
    static final LocalDate END_OF_Q2 = LocalDate.of(2026, 6, 30);

    final BusinessPlan plan = new BusinessPlan(PartnerAccountId.of("001000000000001"), UUID.randomUUID(), 1, "USD",
            PlanPeriod.fiscalYear(2026, 1), "005000000000002", "005000000000002", AT);
    /** No template version: each line is labelled by its key and has the default threshold. */
    final Yardsticks yardsticks = new Yardsticks(Yardsticks.DEFAULT_CAPACITY) {
        @Override
        List<KpiDefinition> definitionsOf(BusinessPlan plan) {
            return List.of();
        }
    };

    @Test
    void byTheEndOfQ2TheFirstTwoQuartersOfTheSplitAreExpected() throws Exception {
        asRead(plan, 3, content(1_000, List.of(100, 200, 300, 400)));
        Yardsticks.Yardstick y = yardsticks.of(plan, END_OF_Q2);
        Yardsticks.Measure pipeline = y.targets().get(0);
        assertEquals("pipeline", pipeline.key());
        assertEquals(new BigDecimal("300.00"), pipeline.expected());
        assertEquals(Pace.DEFAULT_THRESHOLD, pipeline.threshold());
        Yardsticks.Measure closed = y.targets().get(1);
        assertEquals("closedRevenue", closed.key());
        assertEquals(true, closed.usesPipeline(), "closed revenue projects the weighted pipeline");
        Yardsticks.Measure kpi = y.kpis().get(0);
        assertEquals("new_logos", kpi.key());
        // no split for the KPI: 181 of 365 days of 10 logos
        assertEquals(new BigDecimal("4.96"), kpi.expected());
    }

    @Test
    void theNextDayMovesWhatIsExpected() throws Exception {
        asRead(plan, 3, content(1_000, null));
        BigDecimal today = yardsticks.of(plan, END_OF_Q2).targets().get(0).expected();
        BigDecimal tomorrow = yardsticks.of(plan, END_OF_Q2.plusDays(1)).targets().get(0).expected();
        assertEquals(new BigDecimal("495.89"), today);
        assertEquals(new BigDecimal("498.63"), tomorrow);
    }

    @Test
    void theSameVersionOnTheSameDayIsMeasuredOnce() throws Exception {
        asRead(plan, 3, content(1_000, null));
        assertSame(yardsticks.of(plan, END_OF_Q2), yardsticks.of(plan, END_OF_Q2));
    }

    @Test
    void contentEditedBeforeItsVersionRisesIsMeasuredAfresh() throws Exception {
        asRead(plan, 3, content(1_000, null));
        yardsticks.of(plan, END_OF_Q2);
        // the draft's target doubled in this transaction: the row's version rises only when it is written
        plan.revise(content(2_000, null), "{}", List.of("revenue"), "005000000000002", null, AT);
        assertEquals(new BigDecimal("2000"), yardsticks.of(plan, END_OF_Q2).targets().get(0).target());
        assertEquals(new BigDecimal("991.78"), yardsticks.of(plan, END_OF_Q2).targets().get(0).expected());
    }

    @Test
    void aSplitCountsEachQuartersFirstEntryAndAMissingQuarterAsZero() {
        RevenueTargets revenue = new RevenueTargets(null, null, null, null, List.of(
                quarter(3, 30), quarter(1, 10), quarter(1, 99)));
        assertEquals(List.of(new BigDecimal("10.00"), BigDecimal.ZERO, new BigDecimal("30.00")),
                Yardsticks.split(revenue, q -> Money.amountOf(q.pipeline())));
        assertNull(Yardsticks.split(new RevenueTargets(null, null, null, null, List.of()), q -> BigDecimal.ONE));
    }

    private static QuarterTarget quarter(int quarter, int pipeline) {
        return new QuarterTarget(quarter, Money.of(BigDecimal.valueOf(pipeline), "USD"), null, null);
    }

    private static PlanContent content(int pipeline, List<Integer> quarters) {
        List<QuarterTarget> split = quarters == null ? null : java.util.stream.IntStream.range(0, quarters.size())
                .mapToObj(i -> quarter(i + 1, quarters.get(i))).toList();
        RevenueTargets revenue = new RevenueTargets(new Money(BigDecimal.valueOf(pipeline), "USD"),
                new Money(BigDecimal.valueOf(pipeline * 4L), "USD"), null, null, split);
        return new PlanContent("FY2026", new PlanSections(null, revenue, null, null, null,
                List.of(new KpiTarget("new_logos", BigDecimal.TEN, null))), null);
    }

    /** The plan as EclipseLink builds it from its row and PlanContents attaches its parsed content. */
    private static void asRead(BusinessPlan plan, long version, PlanContent content) throws Exception {
        Field f = BusinessPlan.class.getDeclaredField("version");
        f.setAccessible(true);
        f.set(plan, version);
        plan.attach(content);
    }
}
