package org.jbp.plan.entity;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * Section 6: the target for one of the template's KPIs over the period, and per quarter. The target may be left
 * out for a KPI the revenue section already targets (closed revenue, pipeline, registered deals): it is taken from
 * there (plan.control.RevenueKpis); any other KPI needs one (PlanRules).
 */
public record KpiTarget(
        @NotBlank @Size(max = 60) String kpiKey,
        @DecimalMin(value = "0", message = "must not be negative") @Digits(integer = 13, fraction = 2) BigDecimal target,
        @Size(max = 4) List<@NotNull @DecimalMin(value = "0", message = "must not be negative") BigDecimal> quarterly) {

    public KpiTarget withQuarterly(List<BigDecimal> split) {
        return new KpiTarget(kpiKey, target, split);
    }
}
