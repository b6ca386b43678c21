package org.jbp.plan.entity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jbp.kernel.Money;

/** Part of the revenue targets attributed to one product line, vertical or segment. */
public record TargetBreakdown(
        @NotNull BreakdownDimension dimension,
        @NotBlank @Size(max = 80) String value,
        @Valid Money pipeline,
        @Valid Money closedRevenue,
        @Min(0) Integer registeredDeals) {
}
