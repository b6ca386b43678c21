package org.jbp.plan.entity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jbp.kernel.Money;

/** The share of the period's revenue targets due in one quarter of the period (1 = the first). */
public record QuarterTarget(
        @Min(1) @Max(4) int quarter,
        @Valid Money pipeline,
        @Valid Money closedRevenue,
        @Min(0) Integer registeredDeals) {
}
