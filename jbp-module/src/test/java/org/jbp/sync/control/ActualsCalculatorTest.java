package org.jbp.sync.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jbp.crm.KpiFact;
import org.jbp.crm.Quarter;
import org.jbp.crm.mapping.KpiMapping;
import org.jbp.crm.mapping.KpiMappingLoader;
import org.jbp.sync.control.ActualsCalculator.PlanScope;
import org.junit.jupiter.api.Test;

class ActualsCalculatorTest {

    private static final KpiMapping MAPPING = KpiMappingLoader.loadDefault();
    private static final String PARTNER = "001000000000001AAA";

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
                List.of("co_sell_engagements", "deals_registered", "open_pipeline_weighted", "pipeline_created",
                        "revenue_won"),
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
        PlanScope plan = new PlanScope(UUID.randomUUID(), PARTNER, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        List<KpiFact> facts = List.of(
                new KpiFact("revenue_won", PARTNER, new Quarter(2026, 2), Optional.empty(), new BigDecimal("250"), 2),
                new KpiFact("pipeline_created", PARTNER, new Quarter(2026, 1), Optional.empty(), new BigDecimal("9"), 1));
        Map<String, BigDecimal> values = ActualsCalculator.compute(plan, facts, Set.of("revenue_won"));
        assertEquals(new BigDecimal("250"), values.get("revenue_won"));
        assertEquals(new BigDecimal("250"), values.get("revenue_won#2"));
        assertEquals(BigDecimal.ZERO, values.get("revenue_won#1"));
        assertFalse(values.containsKey("pipeline_created"), "a source not re-read keeps its recorded values");
    }
}
