package org.jbp.plan.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import org.jbp.plan.entity.PlanPeriod;
import org.jbp.platform.ProblemException;

/** A period as a client names it: a fiscal year, a fiscal quarter, or explicit dates. */
public record PeriodInput(@Min(2000) @Max(2100) Integer fiscalYear,
                          @Min(1) @Max(4) Integer quarter,
                          LocalDate start,
                          LocalDate end) {

    PlanPeriod toPeriod(int fiscalYearStartMonth) {
        boolean fiscal = fiscalYear != null;
        boolean explicit = start != null || end != null;
        if (fiscal == explicit) {
            throw ProblemException.invalid("period", "give either fiscalYear (and optionally quarter) or start and end");
        }
        if (fiscal) {
            return quarter == null ? PlanPeriod.fiscalYear(fiscalYear, fiscalYearStartMonth)
                    : PlanPeriod.fiscalQuarter(fiscalYear, quarter, fiscalYearStartMonth);
        }
        if (start == null || end == null) {
            throw ProblemException.invalid(start == null ? "period.start" : "period.end", "is required with explicit dates");
        }
        if (quarter != null) {
            throw ProblemException.invalid("period.quarter", "only goes with fiscalYear");
        }
        try {
            return PlanPeriod.custom(start, end);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("period.end", e.getMessage());
        }
    }
}
