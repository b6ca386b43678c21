package org.jbp.plan.entity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Section 1: who the partner is and the SWOT both sides agree on. */
public record PartnerProfile(
        @Size(max = 4000) String summary,
        @Size(max = 20) List<@NotBlank @Size(max = 80) String> focusVerticals,
        @Size(max = 20) List<@NotBlank @Size(max = 80) String> regions,
        @Min(0) Integer employees,
        @Min(0) Integer certifiedStaff,
        @Valid SwotAnalysis swot) {

    public boolean coversEssentials() {
        return summary != null && !summary.isBlank() && swot != null && !swot.hasNoItems();
    }
}
