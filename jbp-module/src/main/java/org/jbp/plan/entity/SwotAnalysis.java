package org.jbp.plan.entity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The partner's strengths, weaknesses, opportunities and threats, a list of items per quadrant. */
public record SwotAnalysis(
        @Size(max = 20) List<@NotBlank @Size(max = 500) String> strengths,
        @Size(max = 20) List<@NotBlank @Size(max = 500) String> weaknesses,
        @Size(max = 20) List<@NotBlank @Size(max = 500) String> opportunities,
        @Size(max = 20) List<@NotBlank @Size(max = 500) String> threats) {

    public boolean hasNoItems() {
        return empty(strengths) && empty(weaknesses) && empty(opportunities) && empty(threats);
    }

    private static boolean empty(List<String> items) {
        return items == null || items.isEmpty();
    }
}
