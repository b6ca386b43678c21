package org.jbp.plan.entity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Section 5: joint selling: engagements, named target accounts, and the vendor's committed resources. */
public record CoSellGoals(
        @Min(0) @Max(100_000) Integer engagementsTarget,
        @Size(max = 200) List<@NotBlank @Size(max = 120) String> targetAccounts,
        @Valid VendorResources vendorResources) {

    public boolean coversEssentials() {
        return engagementsTarget != null;
    }
}
