package org.jbp.template.entity;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A KPI a plan built from the template tracks. {@code alertThresholdPercent} is the share of the expected
 * pace under which the KPI is at risk; {@code sourceKey} names the CRM mapping that feeds its actuals.
 */
public record KpiDefinition(
        @NotBlank @Size(max = 60) @Pattern(regexp = "[a-z][a-z0-9_]*", message = "lower-case letters, digits and _") String key,
        @NotBlank @Size(max = 120) String label,
        @NotNull KpiUnit unit,
        KpiDirection direction,
        @DecimalMin("0") @DecimalMax("100") BigDecimal alertThresholdPercent,
        @Size(max = 60) String sourceKey) {

    public KpiDirection directionOrDefault() {
        return direction == null ? KpiDirection.HIGHER_IS_BETTER : direction;
    }
}
