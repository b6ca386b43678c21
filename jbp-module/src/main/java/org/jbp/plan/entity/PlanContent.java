package org.jbp.plan.entity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The editable document of a plan: what a merge patch changes and what a revision freezes. */
public record PlanContent(
        @NotBlank @Size(max = 200) String title,
        @NotNull @Valid PlanSections sections,
        @Valid VendorCommitments vendorCommitments) {
}
