package org.jbp.kpi.control;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which lines of a dashboard call for an alert, and what the alert says. An alert is about a metric, not a line:
 * a KPI and a revenue target that read the same metric (revenue_won) are one shortfall, so they share one alert,
 * showing the line furthest behind. Plain functions, unit-tested without a container.
 */
public final class AlertRules {

    private static final Comparator<KpiDashboards.Line> FURTHEST_BEHIND =
            Comparator.comparing(KpiDashboards.Line::pacePercent, Comparator.nullsLast(Comparator.naturalOrder()));

    private AlertRules() {
    }

    /** Per metric with at least one line off track, the off-track line furthest behind its pace. */
    public static Map<String, KpiDashboards.Line> offTrackByMetric(List<KpiDashboards.Line> watched) {
        Map<String, KpiDashboards.Line> behind = new LinkedHashMap<>();
        for (KpiDashboards.Line line : watched) {
            if (!Pace.Status.OFF_TRACK.name().equals(line.status())) {
                continue;
            }
            behind.merge(line.metric(), line, (a, b) -> FURTHEST_BEHIND.compare(b, a) < 0 ? b : a);
        }
        return behind;
    }

    /** The alert's text for a line off track; says "no actual yet" rather than showing a missing figure. */
    public static String message(KpiDashboards.Line line) {
        String expected = line.expectedToDate() == null ? "nothing" : amount(line.expectedToDate());
        String figures = line.actual() == null
                ? "no actual yet; " + expected + " expected"
                : amount(line.actual()) + " of " + expected;
        return line.label() + " is at " + percent(line.pacePercent()) + " % of the pace expected by today ("
                + figures + "), below the " + percent(line.thresholdPercent() == null ? Pace.DEFAULT_THRESHOLD
                : line.thresholdPercent()) + " % threshold";
    }

    private static String amount(BigDecimal value) {
        return value.toPlainString();
    }

    private static String percent(BigDecimal value) {
        if (value == null) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
