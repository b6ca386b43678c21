package org.jbp.kpi.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    private static KpiDashboards.Line line(String key, String label, String metric, String actual, String expected,
                                           String pace, Pace.Status status) {
        return new KpiDashboards.Line(key, label, metric, "CURRENCY", new BigDecimal("1000000"),
                actual == null ? null : new BigDecimal(actual), null, new BigDecimal(expected), new BigDecimal(pace),
                status.name(), BigDecimal.valueOf(80), null, false);
    }

    @Test
    void aKpiAndARevenueTargetOnTheSameMetricCallForOneAlert() {
        var kpi = line("revenue_won", "Closed revenue (KPI)", "revenue_won", "400000", "904891.00", "44.20",
                Pace.Status.OFF_TRACK);
        var target = line("closedRevenue", "Closed revenue", "revenue_won", "400000", "800000.00", "50.00",
                Pace.Status.OFF_TRACK);

        Map<String, KpiDashboards.Line> behind = AlertRules.offTrackByMetric(List.of(kpi, target));

        assertEquals(1, behind.size(), behind.toString());
        assertEquals("revenue_won", behind.get("revenue_won").key(), "the alert shows the line furthest behind");
    }

    @Test
    void theLineFurthestBehindIsShownWhicheverComesFirst() {
        var target = line("closedRevenue", "Closed revenue", "revenue_won", "10", "100.00", "10.00", Pace.Status.OFF_TRACK);
        var kpi = line("revenue_won", "Closed revenue (KPI)", "revenue_won", "10", "50.00", "20.00", Pace.Status.OFF_TRACK);

        assertEquals("closedRevenue", AlertRules.offTrackByMetric(List.of(kpi, target)).get("revenue_won").key());
        assertEquals("closedRevenue", AlertRules.offTrackByMetric(List.of(target, kpi)).get("revenue_won").key());
    }

    @Test
    void onlyOffTrackLinesCallForAnAlert() {
        var atRisk = line("closedRevenue", "Closed revenue", "revenue_won", "85", "100.00", "85.00", Pace.Status.AT_RISK);
        var onTrack = line("pipeline", "Pipeline", "pipeline_created", "120", "100.00", "120.00", Pace.Status.ON_TRACK);
        var offTrack = line("registeredDeals", "Registered deals", "deals_registered", "1", "10.00", "10.00",
                Pace.Status.OFF_TRACK);

        assertEquals(List.of("deals_registered"),
                List.copyOf(AlertRules.offTrackByMetric(List.of(atRisk, onTrack, offTrack)).keySet()));
    }

    @Test
    void aMetricOffTrackOnOneLineIsAlertedEvenIfAnotherLineOnItIsOnTrack() {
        var kpi = line("revenue_won", "Closed revenue (KPI)", "revenue_won", "400", "300.00", "133.33", Pace.Status.ON_TRACK);
        var target = line("closedRevenue", "Closed revenue", "revenue_won", "400", "1000.00", "40.00", Pace.Status.OFF_TRACK);

        assertEquals("closedRevenue", AlertRules.offTrackByMetric(List.of(kpi, target)).get("revenue_won").key());
    }

    @Test
    void theTextSaysNoActualYetInsteadOfNull() {
        var noActual = line("closedRevenue", "Closed revenue", "revenue_won", null, "11.02", "0.00", Pace.Status.OFF_TRACK);

        String message = AlertRules.message(noActual);

        assertFalse(message.contains("null"), message);
        assertEquals("Closed revenue is at 0 % of the pace expected by today (no actual yet; 11.02 expected), "
                + "below the 80 % threshold", message);
    }

    @Test
    void theTextGivesActualAgainstExpected() {
        var behind = line("revenue_won", "Closed revenue", "revenue_won", "400000.00", "904891.00", "44.20",
                Pace.Status.OFF_TRACK);

        String message = AlertRules.message(behind);

        assertEquals("Closed revenue is at 44.2 % of the pace expected by today (400000.00 of 904891.00), "
                + "below the 80 % threshold", message);
    }

    @Test
    void noFigureOfALineWithoutDataReadsNull() {
        var bare = new KpiDashboards.Line("k", "Some KPI", "k", null, null, null, null, null, null,
                Pace.Status.OFF_TRACK.name(), null, null, false);

        String message = AlertRules.message(bare);

        assertFalse(message.contains("null"), message);
        assertTrue(message.startsWith("Some KPI is at 0 %"), message);
    }
}
