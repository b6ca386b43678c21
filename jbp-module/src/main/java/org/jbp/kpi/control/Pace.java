package org.jbp.kpi.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a KPI should be by today and where it is heading: plain arithmetic, no container, unit-tested.
 * Days count inclusively: on the first day of a 90-day period 1/90 of it has elapsed, on the last day all of it.
 */
public final class Pace {

    /** Below the threshold share of the expected pace a KPI is off track; between it and 100 % at risk. */
    public enum Status {
        ON_TRACK, AT_RISK, OFF_TRACK
    }

    public static final BigDecimal DEFAULT_THRESHOLD = BigDecimal.valueOf(80);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Pace() {
    }

    /** Share of the inclusive period elapsed by the end of {@code today}, between 0 and 1. */
    public static double elapsedShare(LocalDate start, LocalDate end, LocalDate today) {
        long total = ChronoUnit.DAYS.between(start, end) + 1;
        long elapsed = ChronoUnit.DAYS.between(start, today) + 1;
        return Math.max(0, Math.min(1, (double) elapsed / total));
    }

    /**
     * The value expected by today: the target times the elapsed share, or, with a quarterly split, the quarters
     * already over plus the current quarter's target times its own elapsed share.
     *
     * @param quarterly the split per quarter of the period, null or empty when the plan has none
     * @param quarters  the period's quarters as [start, end] pairs (the plan's three-month slices)
     */
    public static BigDecimal expected(BigDecimal target, List<BigDecimal> quarterly, List<LocalDate[]> quarters,
                                      LocalDate start, LocalDate end, LocalDate today) {
        if (target == null) {
            return null;
        }
        List<BigDecimal> quarterShares = new ArrayList<>(quarters.size());
        for (LocalDate[] q : quarters) {
            quarterShares.add(BigDecimal.valueOf(elapsedShare(q[0], q[1], today)));
        }
        return expected(target, quarterly, quarterShares, BigDecimal.valueOf(elapsedShare(start, end, today)));
    }

    /**
     * {@link #expected(BigDecimal, List, List, LocalDate, LocalDate, LocalDate)} with the period's and each quarter's
     * elapsed share already worked out, for the many lines of one plan on one day.
     */
    public static BigDecimal expected(BigDecimal target, List<BigDecimal> quarterly, List<BigDecimal> quarterShares,
                                      BigDecimal periodShare) {
        if (target == null) {
            return null;
        }
        if (quarterly == null || quarterly.isEmpty() || quarterly.size() != quarterShares.size()) {
            return scale(target.multiply(periodShare));
        }
        BigDecimal expected = BigDecimal.ZERO;
        for (int i = 0; i < quarterShares.size(); i++) {
            BigDecimal part = quarterly.get(i) == null ? BigDecimal.ZERO : quarterly.get(i);
            expected = expected.add(part.multiply(quarterShares.get(i)));
        }
        return scale(expected);
    }

    /** Actual as a percentage of target; null when there is no target to measure against. */
    public static BigDecimal attainmentPercent(BigDecimal actual, BigDecimal target) {
        if (target == null || target.signum() == 0 || actual == null) {
            return null;
        }
        return actual.multiply(HUNDRED).divide(target, 2, RoundingMode.HALF_UP);
    }

    /**
     * Actual against the pace, in percent (100 = exactly on pace). For a KPI where lower is better the ratio is
     * inverted. Null when nothing is expected yet (start of the period, or no target).
     */
    public static BigDecimal pacePercent(BigDecimal actual, BigDecimal expected, boolean lowerIsBetter) {
        if (expected == null || expected.signum() == 0) {
            return null;
        }
        BigDecimal value = actual == null ? BigDecimal.ZERO : actual;
        if (lowerIsBetter) {
            return value.signum() == 0 ? HUNDRED : expected.multiply(HUNDRED).divide(value, 2, RoundingMode.HALF_UP);
        }
        return value.multiply(HUNDRED).divide(expected, 2, RoundingMode.HALF_UP);
    }

    public static Status status(BigDecimal pacePercent, BigDecimal thresholdPercent) {
        if (pacePercent == null || pacePercent.compareTo(HUNDRED) >= 0) {
            return Status.ON_TRACK;
        }
        BigDecimal threshold = thresholdPercent == null ? DEFAULT_THRESHOLD : thresholdPercent;
        return pacePercent.compareTo(threshold) >= 0 ? Status.AT_RISK : Status.OFF_TRACK;
    }

    /**
     * The value at period end if the run rate so far continues, plus the weighted open pipeline when the KPI
     * has one. Before the period starts there is no run rate: the projection is the actual plus the pipeline.
     */
    public static BigDecimal projection(BigDecimal actual, LocalDate start, LocalDate end, LocalDate today,
                                        BigDecimal weightedPipeline) {
        BigDecimal value = actual == null ? BigDecimal.ZERO : actual;
        BigDecimal pipeline = weightedPipeline == null ? BigDecimal.ZERO : weightedPipeline;
        long total = ChronoUnit.DAYS.between(start, end) + 1;
        long elapsed = Math.min(total, ChronoUnit.DAYS.between(start, today) + 1);
        if (elapsed <= 0) {
            return scale(value.add(pipeline));
        }
        BigDecimal runRate = value.divide(BigDecimal.valueOf(elapsed), 10, RoundingMode.HALF_UP);
        return scale(value.add(runRate.multiply(BigDecimal.valueOf(total - elapsed))).add(pipeline));
    }

    private static BigDecimal scale(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
