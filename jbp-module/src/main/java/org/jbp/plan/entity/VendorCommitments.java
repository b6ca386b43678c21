package org.jbp.plan.entity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jbp.kernel.Money;

/** What the vendor promises, recorded as explicitly as the partner's commitments. */
public record VendorCommitments(
        @Valid Money mdfBudget,
        @Min(0) @Max(100_000) Integer coSellSupportHours,
        @Min(0) @Max(100_000) Integer preSalesAvailabilityHours,
        @Size(max = 120) String executiveSponsor,
        @Size(max = 20) List<@NotBlank @Size(max = 500) String> other) {
}
