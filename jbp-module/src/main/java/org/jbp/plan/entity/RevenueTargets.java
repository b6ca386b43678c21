package org.jbp.plan.entity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jbp.kernel.Money;

/**
 * Section 2: pipeline, registered deals and closed revenue for the period, broken down by product line,
 * vertical and segment, and split into quarters (equally unless the plan says otherwise).
 */
public record RevenueTargets(
        @Valid Money pipeline,
        @Valid Money closedRevenue,
        @Min(0) Integer registeredDeals,
        @Size(max = 60) List<@Valid @NotNull TargetBreakdown> breakdown,
        @Size(max = 4) List<@Valid @NotNull QuarterTarget> quarters) {

    public boolean coversEssentials() {
        return pipeline != null && closedRevenue != null && registeredDeals != null;
    }

    public RevenueTargets withQuarters(List<QuarterTarget> split) {
        return new RevenueTargets(pipeline, closedRevenue, registeredDeals, breakdown, split);
    }
}
