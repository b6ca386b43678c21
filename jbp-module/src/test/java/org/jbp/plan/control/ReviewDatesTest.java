package org.jbp.plan.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.jbp.plan.entity.PlanPeriod;
import org.jbp.template.entity.ReviewCadence;
import org.junit.jupiter.api.Test;

class ReviewDatesTest {

    @Test
    void monthlyReviewsFallOnMonthEndsFromActivationToPeriodEnd() {
        var dates = PlanLifecycle.reviewDates(PlanPeriod.fiscalYear(2027, 1), ReviewCadence.MONTHLY,
                LocalDate.of(2027, 10, 15));
        assertEquals(List.of(LocalDate.of(2027, 10, 31), LocalDate.of(2027, 11, 30), LocalDate.of(2027, 12, 31)), dates);
    }

    @Test
    void quarterlyReviewsFallOnTheQuarterEndsOfThePeriod() {
        var dates = PlanLifecycle.reviewDates(PlanPeriod.fiscalYear(2027, 4), ReviewCadence.QUARTERLY,
                LocalDate.of(2026, 4, 1));
        assertEquals(List.of(LocalDate.of(2026, 6, 30), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 12, 31),
                LocalDate.of(2027, 3, 31)), dates);
    }
}
