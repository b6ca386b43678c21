package org.jbp.kpi.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaceTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final LocalDate END = LocalDate.of(2026, 12, 31);
    private static final List<LocalDate[]> QUARTERS = List.of(
            new LocalDate[]{LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)},
            new LocalDate[]{LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)},
            new LocalDate[]{LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)},
            new LocalDate[]{LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)});

    @Test
    void paceIsTheTargetTimesTheElapsedShareOfThePeriod() {
        // 2 July is day 183 of 365
        BigDecimal expected = Pace.expected(BigDecimal.valueOf(365_000), null, QUARTERS, START, END, LocalDate.of(2026, 7, 2));
        assertEquals(new BigDecimal("183000.00"), expected);
    }

    @Test
    void aQuarterlySplitPutsThePaceWhereTheQuartersAre() {
        List<BigDecimal> split = List.of(BigDecimal.valueOf(100), BigDecimal.valueOf(200), BigDecimal.valueOf(300),
                BigDecimal.valueOf(400));
        // end of Q2: Q1 and Q2 fully due, nothing of Q3 and Q4
        assertEquals(new BigDecimal("300.00"), Pace.expected(BigDecimal.valueOf(1000), split, QUARTERS, START, END,
                LocalDate.of(2026, 6, 30)));
        // before the period: nothing expected yet
        assertEquals(new BigDecimal("0.00"), Pace.expected(BigDecimal.valueOf(1000), split, QUARTERS, START, END,
                LocalDate.of(2025, 12, 1)));
    }

    @Test
    void statusFollowsTheTemplateThreshold() {
        assertEquals(Pace.Status.ON_TRACK, Pace.status(BigDecimal.valueOf(100), BigDecimal.valueOf(80)));
        assertEquals(Pace.Status.AT_RISK, Pace.status(BigDecimal.valueOf(80), BigDecimal.valueOf(80)));
        assertEquals(Pace.Status.OFF_TRACK, Pace.status(new BigDecimal("79.99"), BigDecimal.valueOf(80)));
        assertEquals(Pace.Status.OFF_TRACK, Pace.status(BigDecimal.valueOf(79), null), "80 % when the template says nothing");
        assertEquals(Pace.Status.ON_TRACK, Pace.status(null, BigDecimal.valueOf(80)), "nothing expected yet");
    }

    @Test
    void pacePercentComparesActualWithExpected() {
        assertEquals(new BigDecimal("50.00"), Pace.pacePercent(BigDecimal.valueOf(50), BigDecimal.valueOf(100), false));
        assertEquals(new BigDecimal("200.00"), Pace.pacePercent(BigDecimal.valueOf(50), BigDecimal.valueOf(100), true));
        assertNull(Pace.pacePercent(BigDecimal.TEN, BigDecimal.ZERO, false));
    }

    @Test
    void projectionExtendsTheRunRateAndAddsWeightedPipeline() {
        // 100 in the first 73 of 365 days: 500 by period end at that rate
        LocalDate today = START.plusDays(72);
        assertEquals(new BigDecimal("500.00"), Pace.projection(BigDecimal.valueOf(100), START, END, today, null));
        assertEquals(new BigDecimal("540.00"), Pace.projection(BigDecimal.valueOf(100), START, END, today, BigDecimal.valueOf(40)));
        assertEquals(new BigDecimal("100.00"), Pace.projection(BigDecimal.valueOf(100), START, END, END.plusDays(10), null),
                "after the period the actual is final");
    }

    @Test
    void attainmentIsActualOverTarget() {
        assertEquals(new BigDecimal("25.00"), Pace.attainmentPercent(BigDecimal.valueOf(250), BigDecimal.valueOf(1000)));
        assertNull(Pace.attainmentPercent(BigDecimal.ONE, BigDecimal.ZERO));
    }
}
