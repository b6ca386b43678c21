package org.jbp.crm;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Partners changed since a watermark, and the watermark to use next time
 * (the latest change seen, or the old watermark when nothing changed).
 */
public record PartnerChanges(List<PartnerAccount> partners, Instant watermark) {
    public PartnerChanges {
        partners = List.copyOf(partners);
        Objects.requireNonNull(watermark, "Watermark is required.");
    }
}
