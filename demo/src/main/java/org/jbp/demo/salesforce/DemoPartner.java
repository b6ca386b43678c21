package org.jbp.demo.salesforce;

import java.util.Objects;

/**
 * A partner account as the demo loads it into JBP: the Salesforce Account id (18 characters), its program tier and
 * type, the channel account manager who owns it and its sales region.
 */
public record DemoPartner(String accountId, String name, String tier, String partnerType, String ownerId,
                          String region) {
    public DemoPartner {
        Objects.requireNonNull(accountId, "accountId is required");
        Objects.requireNonNull(name, "name is required");
        Objects.requireNonNull(tier, "tier is required");
    }
}
