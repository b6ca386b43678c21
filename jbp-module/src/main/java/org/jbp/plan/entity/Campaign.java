package org.jbp.plan.entity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jbp.kernel.Money;

/**
 * Section 3: one campaign of the calendar, with the MDF the partner asks the vendor to fund.
 * {@code key} identifies the campaign across revisions (and later its fund request); it is assigned when missing.
 */
public record Campaign(
        @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+") String key,
        @NotBlank @Size(max = 120) String name,
        @NotNull CampaignTactic tactic,
        @Size(max = 500) String audience,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @Valid Money mdfRequested,
        @Pattern(regexp = "701[A-Za-z0-9]{12}([A-Za-z0-9]{3})?", message = "must be a Salesforce Campaign id (701...)")
        String crmCampaignId) {

    public Campaign withKey(String newKey) {
        return new Campaign(newKey, name, tactic, audience, startDate, endDate, mdfRequested, crmCampaignId);
    }
}
