package org.jbp.canvas.entity;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of a verified Canvas signed request JBP uses. Only built from a request whose signature,
 * algorithm and organization have been checked. {@code siteUrl} and {@code siteUrlPrefix} are set for a user
 * who opened the tab in an Experience Cloud site, null for Lightning and Visualforce pages of the org.
 */
public record CanvasRequest(
        String userId,
        String userName,
        String fullName,
        String profileId,
        String roleId,
        String userType,
        String organizationId,
        String oauthToken,
        String instanceUrl,
        String recordId,
        Map<String, String> parameters,
        String siteUrl,
        String siteUrlPrefix) {

    public CanvasRequest {
        Objects.requireNonNull(userId, "user id is required");
        Objects.requireNonNull(organizationId, "organization id is required");
        Objects.requireNonNull(oauthToken, "OAuth token is required");
        Objects.requireNonNull(instanceUrl, "instance URL is required");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** The account the tab was opened on: the record in context, else a {@code recordId} parameter. */
    public Optional<String> accountInContext() {
        if (recordId != null && !recordId.isBlank()) {
            return Optional.of(recordId);
        }
        return Optional.ofNullable(parameters.get("recordId")).filter(s -> !s.isBlank());
    }

    /** True when the tab was opened inside an Experience Cloud site (a partner site). */
    public boolean fromSite() {
        return siteUrl != null;
    }

    /** The portfolio location passes {@code view=portfolio}. */
    public Optional<String> view() {
        return Optional.ofNullable(parameters.get("view"));
    }

    @Override
    public String toString() {
        // never print the OAuth token
        return "CanvasRequest[user=" + userId + ", org=" + organizationId + ", record=" + recordId
                + (siteUrl == null ? "" : ", site=" + siteUrl + (siteUrlPrefix == null ? "" : siteUrlPrefix)) + "]";
    }
}
