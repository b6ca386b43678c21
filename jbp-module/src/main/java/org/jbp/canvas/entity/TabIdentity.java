package org.jbp.canvas.entity;

import java.util.List;
import java.util.Objects;

/**
 * Who the tab runs as: the Salesforce user, their JBP groups, the partner account that scopes a partner
 * user, and the account the tab was opened on (null for the portfolio).
 */
public record TabIdentity(String userId, String name, List<String> groups, String partnerAccountId,
        String accountInContext, String view) {

    public TabIdentity {
        Objects.requireNonNull(userId, "user id is required");
        groups = List.copyOf(groups);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("an identity without a role has no business in the tab");
        }
    }
}
