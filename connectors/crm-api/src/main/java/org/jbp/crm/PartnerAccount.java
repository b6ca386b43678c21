package org.jbp.crm;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A partner company as the CRM sees it. Optional attributes are empty when the CRM has no value.
 *
 * @param id           the CRM id of the account (18 characters for Salesforce)
 * @param lastModified when the CRM last changed the record, used as the sync watermark
 */
public record PartnerAccount(String id, String name, Optional<String> tier, Optional<String> partnerType,
                             Optional<String> ownerId, Optional<String> region, Optional<String> country,
                             Instant lastModified) {
    public PartnerAccount {
        Objects.requireNonNull(id, "Partner id is required.");
        Objects.requireNonNull(name, "Partner name is required.");
        Objects.requireNonNull(tier, "tier must be Optional, not null");
        Objects.requireNonNull(partnerType, "partnerType must be Optional, not null");
        Objects.requireNonNull(ownerId, "ownerId must be Optional, not null");
        Objects.requireNonNull(region, "region must be Optional, not null");
        Objects.requireNonNull(country, "country must be Optional, not null");
        Objects.requireNonNull(lastModified, "Last modified time is required.");
    }
}
