package org.jbp.partner.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.jbp.kernel.PartnerAccountId;
import org.jbp.kernel.PartnerAccountIdConverter;

/**
 * A partner account as the module knows it: a copy of the CRM's account with its program tier,
 * refreshed by the partner sync (or registered by an admin before the first sync).
 */
@Entity
@Table(name = "partner")
public class Partner {

    @Id
    @Column(name = "account_id", length = 18)
    @Convert(converter = PartnerAccountIdConverter.class)
    private PartnerAccountId accountId;

    private String name;
    private String tier;
    @Column(name = "partner_type")
    private String partnerType;
    @Column(name = "owner_id")
    private String ownerId;
    private String region;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Partner() {
    }

    public Partner(PartnerAccountId accountId, String name, String tier, String partnerType, String ownerId,
                   String region, Instant now) {
        this.accountId = Objects.requireNonNull(accountId, "account id is required");
        describe(name, tier, partnerType, ownerId, region, now);
    }

    /** Takes the CRM's current view of the account. */
    public final void describe(String name, String tier, String partnerType, String ownerId, String region,
                               Instant now) {
        this.name = Objects.requireNonNull(name, "name is required");
        this.tier = Objects.requireNonNull(tier, "tier is required");
        this.partnerType = partnerType;
        this.ownerId = ownerId;
        this.region = region;
        this.updatedAt = now;
    }

    public PartnerAccountId accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    public String tier() {
        return tier;
    }

    public String partnerType() {
        return partnerType;
    }

    public String ownerId() {
        return ownerId;
    }

    public String region() {
        return region;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
