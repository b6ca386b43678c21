package org.jbp.plan.entity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** What the vendor puts into co-selling. */
public record VendorResources(
        @Min(0) @Max(100_000) Integer seHours,
        @Size(max = 120) String executiveSponsor) {
}
