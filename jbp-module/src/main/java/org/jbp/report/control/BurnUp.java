package org.jbp.report.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jbp.kpi.control.Pace;

/**
 * A KPI's burn-up over the plan's period: the actual as it grew (from the stored time series of changes), the
 * planned pace (the target reached quarter by quarter, by the plan's quarterly split where it has one) and, while
 * the period runs, the projection to its end. Plain arithmetic, unit-tested; the tab and the PDF draw the same one.
 */
public record BurnUp(String key, String label, String unit, BigDecimal target, LocalDate start, LocalDate end,
                     LocalDate asOf, List<LocalDate> quarterStarts, List<Point> actual, List<Point> pace,
                     List<Point> projection) {

    public record Point(LocalDate date, BigDecimal value) {
    }

    /** One change of the time series: a value recorded for the whole period (quarter 0) or one quarter. */
    public record Change(Instant recordedAt, int quarter, BigDecimal value) {
    }

    /** A line of the figures table: the date and each series' value on it (null where a series has none). */
    public record Row(LocalDate date, BigDecimal actual, BigDecimal pace, BigDecimal projection) {
    }

    /**
     * @param quarters  the plan's quarters as [start, end] pairs
     * @param quarterly the target's split per quarter, null when the plan has none (then the pace is linear)
     * @param history   the metric's changes in any order
     */
    public static BurnUp of(String key, String label, String unit, BigDecimal target, List<BigDecimal> quarterly,
                            List<LocalDate[]> quarters, LocalDate start, LocalDate end, LocalDate asOf,
                            List<Change> history, BigDecimal projection) {
        // the period value at each moment: recorded for the period, else the sum of the quarters recorded so far
        Map<Integer, BigDecimal> byQuarter = new TreeMap<>();
        TreeMap<LocalDate, BigDecimal> actual = new TreeMap<>();
        actual.put(start, BigDecimal.ZERO);
        for (Change c : history.stream().sorted(Comparator.comparing(Change::recordedAt)).toList()) {
            byQuarter.put(c.quarter(), c.value());
            BigDecimal value = byQuarter.containsKey(0) ? byQuarter.get(0)
                    : byQuarter.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            actual.put(clamp(LocalDate.ofInstant(c.recordedAt(), ZoneOffset.UTC), start, end), value);
        }
        List<Point> pace = new ArrayList<>();
        List<LocalDate> quarterStarts = new ArrayList<>();
        if (target != null) {
            pace.add(new Point(start, BigDecimal.ZERO));
            for (LocalDate[] q : quarters) {
                pace.add(new Point(q[1], Pace.expected(target, quarterly, quarters, start, end, q[1])));
            }
            if (quarters.isEmpty() || !quarters.get(quarters.size() - 1)[1].equals(end)) {
                pace.add(new Point(end, Pace.expected(target, quarterly, quarters, start, end, end)));
            }
        }
        quarters.forEach(q -> quarterStarts.add(q[0]));
        List<Point> ahead = new ArrayList<>();
        LocalDate today = clamp(asOf, start, end);
        if (projection != null && !asOf.isBefore(start) && asOf.isBefore(end)) {
            ahead.add(new Point(today, actual.floorEntry(today).getValue()));
            ahead.add(new Point(end, projection));
        }
        List<Point> grown = actual.entrySet().stream().filter(e -> !e.getKey().isAfter(today))
                .map(e -> new Point(e.getKey(), e.getValue())).toList();
        return new BurnUp(key, label, unit, target, start, end, asOf, quarterStarts, grown, pace, ahead);
    }

    /** Every date of any series in order, with the value each series has on it. */
    public List<Row> rows() {
        TreeSet<LocalDate> dates = new TreeSet<>();
        actual.forEach(p -> dates.add(p.date()));
        pace.forEach(p -> dates.add(p.date()));
        projection.forEach(p -> dates.add(p.date()));
        return dates.stream().map(d -> new Row(d, at(actual, d), at(pace, d), at(projection, d))).toList();
    }

    /** The largest value any series reaches, for the chart's scale; at least 1. */
    public BigDecimal highest() {
        BigDecimal top = target == null ? BigDecimal.ONE : target.max(BigDecimal.ONE);
        for (List<Point> series : List.of(actual, pace, projection)) {
            for (Point p : series) {
                top = top.max(p.value());
            }
        }
        return top;
    }

    private static BigDecimal at(List<Point> series, LocalDate date) {
        return series.stream().filter(p -> p.date().equals(date)).map(Point::value).reduce((a, b) -> b).orElse(null);
    }

    private static LocalDate clamp(LocalDate date, LocalDate start, LocalDate end) {
        return date.isBefore(start) ? start : date.isAfter(end) ? end : date;
    }
}
