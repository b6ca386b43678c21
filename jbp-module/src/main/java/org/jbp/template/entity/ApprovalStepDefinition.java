package org.jbp.template.entity;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One step of an approval chain: decided by anyone holding {@code role}, or by the named {@code user}. */
public record ApprovalStepDefinition(
        @NotBlank @Size(max = 120) String name,
        @Size(max = 60) String role,
        @Size(max = 18) String user,
        @Min(1) @Max(24 * 90) int slaHours) {

    @jakarta.json.bind.annotation.JsonbTransient
    @AssertTrue(message = "name either a role or a user, not both")
    public boolean isApproverNamed() {
        return (role == null || role.isBlank()) != (user == null || user.isBlank());
    }
}
