package org.jbp.sync.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jbp.crm.KpiFact;
import org.jbp.crm.mapping.KpiMapping;
import org.jbp.crm.mapping.KpiMappingLoader;
import org.jbp.kernel.PlanId;
import org.jbp.sync.control.ActualsCalculator.PlanScope;
import org.junit.jupiter.api.Test;

class ActualsCalculatorTest {

    private static final KpiMapping MAPPING = KpiMappingLoader.loadDefault();
    private static final String PARTNER = "001000000000001AAA";

    @Test
    void withDatedRatesEachOpportunityMonthConvertsAtItsOwnRateAndOtherSourcesAtTodays() {
        java.util.NavigableMap<LocalDate, BigDecimal> eur = new java.util.TreeMap<>(Map.of(
                LocalDate.of(1900, 1, 1), new BigDecimal("0.5"), LocalDate.of(2026, 7, 1), new BigDecimal("0.4")));
        org.jbp.crm.CurrencyRates rates = new org.jbp.crm.CurrencyRates(true, "USD",
                Map.of("USD", BigDecimal.ONE, "EUR", new BigDecimal("0.6")), Map.of("EUR", eur));
        PlanScope plan = new PlanScope(PlanId.random(), "P", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "EUR");
        List<KpiFact> facts = List.of(
                new KpiFact("revenue_won", "P", YearMonth.of(2026, 5), Optional.empty(), new BigDecimal("1000"), 1),
                new KpiFact("revenue_won", "P", YearMonth.of(2026, 8), Optional.empty(), new BigDecimal("1000"), 1),
                new KpiFact("mdf_claimed", "P", YearMonth.of(2026, 8), Optional.empty(), new BigDecimal("1000"), 1));
        Map<YearMonth, BigDecimal> used = new java.util.TreeMap<>();
        Map<String, BigDecimal> values = ActualsCalculator.compute(plan, facts, Set.of("revenue_won", "mdf_claimed"),
                Set.of("revenue_won", "mdf_claimed"), ActualsCalculator.rateOf(rates, "EUR", Set.of("revenue_won"), used));
        assertEquals(0, new BigDecimal("500").compareTo(values.get("revenue_won#2")), "May at 0.5");
        assertEquals(0, new BigDecimal("400").compareTo(values.get("revenue_won#3")), "August at 0.4");
        assertEquals(0, new BigDecimal("600").compareTo(values.get("mdf_claimed")), "fund claims at today's 0.6");
        assertEquals(Map.of(YearMonth.of(2026, 5), new BigDecimal("0.5"), YearMonth.of(2026, 8), new BigDecimal("0.4")),
                used);
    }

    @Test
    void aFullRunReadsOneSourceAtATime() {
        List<List<String>> units = ActualsCalculator.fetchUnits(MAPPING, false);
        assertEquals(MAPPING.sources().size(), units.size());
        assertTrue(units.stream().allMatch(u -> u.size() == 1));
    }

    @Test
    void anIncrementalRunReadsTheSourcesOfOneObjectTogether() {
        List<List<String>> units = ActualsCalculator.fetchUnits(MAPPING, true);
        assertEquals(List.of(
                List.of("campaign_leads", "campaigns_completed"),
                List.of("certifications_completed"),
                List.of("co_sell_engagements"),
                List.of("deals_registered", "open_pipeline_weighted", "pipeline_created", "revenue_won"),
                List.of("mdf_claimed")), units, "ordered by first key, the checkpoint of a resumed run");
    }

    @Test
    void aMetricBelongsToItsSourceWithItsQuartersAndBreakdownValues() {
        Set<String> read = Set.of("revenue_won", "certifications_completed");
        assertTrue(ActualsCalculator.belongsTo("revenue_won", read));
        assertTrue(ActualsCalculator.belongsTo("revenue_won#3", read));
        assertTrue(ActualsCalculator.belongsTo("certifications_completed(Sales Engineer)#2", read));
        assertFalse(ActualsCalculator.belongsTo("revenue_won_extra", read));
        assertFalse(ActualsCalculator.belongsTo("pipeline_created#1", read));
    }

    @Test
    void onlyTheSourcesAskedForAreComputed() {
        PlanScope plan = new PlanScope(PlanId.random(), PARTNER, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        List<KpiFact> facts = List.of(
                new KpiFact("revenue_won", PARTNER, YearMonth.of(2026, 5), Optional.empty(), new BigDecimal("250"), 2),
                new KpiFact("pipeline_created", PARTNER, YearMonth.of(2026, 1), Optional.empty(), new BigDecimal("9"), 1));
        Map<String, BigDecimal> values = ActualsCalculator.compute(plan, facts, Set.of("revenue_won"));
        assertEquals(new BigDecimal("250"), values.get("revenue_won"));
        assertEquals(new BigDecimal("250"), values.get("revenue_won#2"));
        assertEquals(BigDecimal.ZERO, values.get("revenue_won#1"));
        assertFalse(values.containsKey("pipeline_created"), "a source not re-read keeps its recorded values");
    }

    private static KpiFact won(int year, int month, String amount) {
        return new KpiFact("revenue_won", PARTNER, YearMonth.of(year, month), Optional.empty(), new BigDecimal(amount), 1);
    }

    @Test
    void aFiscalYearFromAprilGetsEveryMonthInItsOwnQuarters() {
        PlanScope plan = new PlanScope(PlanId.random(), PARTNER, LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31));
        Map<String, BigDecimal> values = ActualsCalculator.compute(plan, List.of(won(2026, 4, "1"), won(2026, 6, "2"),
                won(2026, 7, "10"), won(2026, 12, "100"), won(2027, 1, "1000"), won(2027, 3, "2000"),
                won(2026, 3, "99999")), Set.of("revenue_won"));
        assertEquals(List.of(new BigDecimal("3"), new BigDecimal("10"), new BigDecimal("100"), new BigDecimal("3000")),
                List.of(values.get("revenue_won#1"), values.get("revenue_won#2"), values.get("revenue_won#3"),
                        values.get("revenue_won#4")), "fiscal Q1 is April-June, not plan Q4: " + values);
        assertEquals(new BigDecimal("3113"), values.get("revenue_won"), "March 2026 is before the period");
    }

    @Test
    void aPeriodFromMidFebruaryKeepsItsFirstMonthAndFillsItsLastQuarter() {
        PlanScope plan = new PlanScope(PlanId.random(), PARTNER, LocalDate.of(2026, 2, 15), LocalDate.of(2027, 2, 14));
        Map<String, BigDecimal> values = ActualsCalculator.compute(plan, List.of(won(2026, 2, "1"), won(2026, 5, "10"),
                won(2026, 11, "100"), won(2027, 1, "1000"), won(2027, 2, "2000")), Set.of("revenue_won"));
        // months are whole: May starts inside quarter 1 (15 Feb - 14 May), so May counts there
        assertEquals(new BigDecimal("11"), values.get("revenue_won#1"), "February counts, it is not before the period");
        assertEquals(new BigDecimal("100"), values.get("revenue_won#3"));
        assertEquals(new BigDecimal("3000"), values.get("revenue_won#4"), "quarter 4 (15 Nov - 14 Feb) is not 0");
        assertEquals(new BigDecimal("3111"), values.get("revenue_won"));
    }

    @Test
    void aPeriodFromMidFebruaryIsAskedByDayAndEachDayCountsInItsOwnQuarter() {
        PlanScope plan = new PlanScope(PlanId.random(), PARTNER, LocalDate.of(2026, 2, 15), LocalDate.of(2027, 2, 14));
        assertTrue(ActualsCalculator.query("revenue_won", List.of(plan), 10).byDay(), "quarters cut months");
        PlanScope calendar = new PlanScope(PlanId.random(), PARTNER, LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31));
        assertFalse(ActualsCalculator.query("revenue_won", List.of(calendar), 10).byDay(), "whole months suffice");
        PlanScope other = new PlanScope(PlanId.random(), "001000000000002AAA", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31));
        var queries = ActualsCalculator.queries(Set.of("revenue_won"), List.of(plan, calendar, other), 1_000);
        assertEquals(2, queries.size(), queries.toString());
        queries.forEach((query, partners) -> assertEquals(query.byDay() ? Set.of(PARTNER)
                : Set.of("001000000000002AAA"), partners, "only the mid-month plan's partner pays for days"));
        Map<String, BigDecimal> values = ActualsCalculator.compute(plan, List.of(wonOn(2026, 2, 14, "1"),
                wonOn(2026, 2, 15, "2"), wonOn(2026, 5, 14, "10"), wonOn(2026, 5, 15, "20"), wonOn(2027, 2, 14, "1000"),
                wonOn(2027, 2, 15, "2000")), Set.of("revenue_won"));
        assertEquals(new BigDecimal("12"), values.get("revenue_won#1"), "15 Feb to 14 May; the 14th of February is before");
        assertEquals(new BigDecimal("20"), values.get("revenue_won#2"), "15 May starts quarter 2");
        assertEquals(new BigDecimal("1000"), values.get("revenue_won#4"), "14 Feb 2027 is the last day");
        assertEquals(new BigDecimal("1032"), values.get("revenue_won"), "nothing from outside the period");
    }

    private static KpiFact wonOn(int year, int month, int day, String amount) {
        return new KpiFact("revenue_won", PARTNER, YearMonth.of(year, month), Optional.empty(), new BigDecimal(amount), 1,
                day);
    }
}
