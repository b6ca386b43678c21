package org.jbp.canvas.entity;

import java.util.List;
import java.util.Objects;

/**
 * Who the tab runs as: the Salesforce user, their JBP groups, the partner account that scopes a partner
 * user, the account the tab was opened on (null for the portfolio), and the Experience Cloud site the user
 * came from ({@code siteUrl} + {@code siteUrlPrefix}; null inside the org).
 */
public record TabIdentity(String userId, String name, List<String> groups, String partnerAccountId,
        String accountInContext, String view, String siteUrl) {

    public TabIdentity(String userId, String name, List<String> groups, String partnerAccountId,
            String accountInContext, String view) {
        this(userId, name, groups, partnerAccountId, accountInContext, view, null);
    }

    public TabIdentity {
        Objects.requireNonNull(userId, "user id is required");
        groups = List.copyOf(groups);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("an identity without a role has no business in the tab");
        }
    }
}
