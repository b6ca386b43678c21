package org.jbp.crm;

import java.util.Objects;
import java.util.Optional;

/**
 * A person with a CRM login, as the CRM holds them now: what JBP shows beside the ids it stores (plan owners,
 * named approvers, partner users who never opened the module).
 *
 * @param id     the CRM's user id (18 characters for Salesforce)
 * @param name   the full name the CRM shows for the user
 * @param email  empty when the CRM has none
 * @param active false for a deactivated user: the CRM keeps the record (Salesforce never deletes users)
 */
public record CrmUser(String id, String name, Optional<String> email, boolean active) {

    public CrmUser {
        Objects.requireNonNull(id, "User id is required.");
        Objects.requireNonNull(name, "User name is required.");
        Objects.requireNonNull(email, "email must be Optional, not null");
    }
}
