package org.jbp.plan.entity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Section 4: how many people in a role complete a certification track by a date. */
public record CertificationMilestone(
        @NotNull CertificationRole role,
        @NotBlank @Size(max = 120) String track,
        @Min(1) @Max(10_000) int count,
        @NotNull LocalDate dueDate) {
}
