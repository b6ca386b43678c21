package org.jbp.plan.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jbp.plan.entity.PlanSections;
import org.jbp.plan.entity.VendorCommitments;

/** The body of {@code POST /plans}. */
public record NewPlanInput(
        @NotBlank String partnerAccountId,
        @NotNull UUID templateId,
        @Min(1) Integer templateVersion,
        @NotBlank @Size(max = 200) String title,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency,
        @NotNull @Valid PeriodInput period,
        @Size(min = 15, max = 18) String ownerId,
        @Valid PlanSections sections,
        @Valid VendorCommitments vendorCommitments) {
}
