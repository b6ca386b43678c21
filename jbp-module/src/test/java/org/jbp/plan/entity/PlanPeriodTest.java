package org.jbp.plan.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PlanPeriodTest {

    @Test
    void fiscalYearIsNamedByTheYearItEndsIn() {
        PlanPeriod fy = PlanPeriod.fiscalYear(2027, 4);
        assertEquals(LocalDate.of(2026, 4, 1), fy.start());
        assertEquals(LocalDate.of(2027, 3, 31), fy.end());
        assertEquals("FY2027", fy.label());
        PlanPeriod calendar = PlanPeriod.fiscalYear(2027, 1);
        assertEquals(LocalDate.of(2027, 1, 1), calendar.start());
        assertEquals(LocalDate.of(2027, 12, 31), calendar.end());
    }

    @Test
    void fiscalQuarterFollowsTheStartMonth() {
        PlanPeriod q2 = PlanPeriod.fiscalQuarter(2027, 2, 4);
        assertEquals(LocalDate.of(2026, 7, 1), q2.start());
        assertEquals(LocalDate.of(2026, 9, 30), q2.end());
        assertEquals(1, q2.quarters().size());
    }

    @Test
    void yearHasFourQuartersAndTheNextPeriodFollowsOn() {
        PlanPeriod fy = PlanPeriod.fiscalYear(2027, 2);
        assertEquals(4, fy.quarters().size());
        assertEquals(LocalDate.of(2026, 5, 1), fy.quarters().get(1).start());
        assertEquals(fy.end().plusDays(1), fy.next(2).start());
        assertEquals("FY2028 Q1", PlanPeriod.fiscalQuarter(2027, 4, 1).next(1).label());
    }

    @Test
    void customPeriodIsAtMostAYearAndEndsAfterItStarts() {
        assertThrows(IllegalArgumentException.class,
                () -> PlanPeriod.custom(LocalDate.of(2027, 1, 1), LocalDate.of(2026, 12, 31)));
        assertThrows(IllegalArgumentException.class,
                () -> PlanPeriod.custom(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 6, 30)));
        PlanPeriod half = PlanPeriod.custom(LocalDate.of(2027, 1, 15), LocalDate.of(2027, 7, 14));
        assertEquals(2, half.quarters().size());
        assertEquals(LocalDate.of(2027, 7, 14), half.quarters().get(1).end());
    }
}
