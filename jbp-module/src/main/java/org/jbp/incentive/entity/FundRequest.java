package org.jbp.incentive.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The PartnerFundRequest that one campaign of an approved plan asks for, as the module last sent and saw it.
 * Keyed by the deterministic external id Salesforce upserts on, so approving again (or an amendment) updates
 * the same request instead of creating another.
 */
@Entity
@Table(name = "fund_request")
public class FundRequest {

    @Id
    @Column(name = "external_id")
    private String externalId;
    @Column(name = "plan_id")
    private UUID planId;
    @Column(name = "campaign_key")
    private String campaignKey;
    @Column(name = "campaign_name")
    private String campaignName;
    @Column(name = "requested_amount")
    private BigDecimal requestedAmount;
    private String currency;
    @Column(name = "crm_campaign_id")
    private String crmCampaignId;
    @Column(name = "requested_status")
    private String requestedStatus;
    @Column(name = "crm_id")
    private String crmId;
    @Column(name = "crm_status")
    private String crmStatus;
    @Column(name = "last_outbox_id")
    private String lastOutboxId;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected FundRequest() {
    }

    public FundRequest(String externalId, UUID planId, String campaignKey, Instant at) {
        this.externalId = Objects.requireNonNull(externalId);
        this.planId = Objects.requireNonNull(planId);
        this.campaignKey = Objects.requireNonNull(campaignKey);
        this.updatedAt = at;
    }

    /** Whether asking again with these values would change anything in the CRM. */
    public boolean differsFrom(String name, BigDecimal amount, String currencyCode, String campaignId) {
        return !Objects.equals(campaignName, name) || requestedAmount == null
                || requestedAmount.compareTo(amount) != 0 || !Objects.equals(currency, currencyCode)
                || !Objects.equals(crmCampaignId, campaignId);
    }

    /** A new upsert for this request is queued (outbox entry {@code outboxId}). */
    public void request(String name, BigDecimal amount, String currencyCode, String campaignId, String status,
                        UUID outboxId, Instant at) {
        this.campaignName = Objects.requireNonNull(name);
        this.requestedAmount = Objects.requireNonNull(amount);
        this.currency = Objects.requireNonNull(currencyCode);
        this.crmCampaignId = campaignId;
        this.requestedStatus = Objects.requireNonNull(status);
        this.lastOutboxId = outboxId.toString();
        this.updatedAt = at;
    }

    /** Salesforce took the upsert; {@code status} is what we sent until a read-back says otherwise. */
    public void delivered(String id, Instant at) {
        this.crmId = id;
        if (crmStatus == null) {
            this.crmStatus = requestedStatus;
        }
        this.updatedAt = at;
    }

    /** The status the CRM reports now (Submitted, Approved, Rejected ...), e.g. from a KPI sync read-back. */
    public void crmStatusSeen(String status, Instant at) {
        this.crmStatus = status;
        this.updatedAt = at;
    }

    public String externalId() {
        return externalId;
    }

    public UUID planId() {
        return planId;
    }

    public String campaignKey() {
        return campaignKey;
    }

    public String campaignName() {
        return campaignName;
    }

    public BigDecimal requestedAmount() {
        return requestedAmount;
    }

    public String currency() {
        return currency;
    }

    public String crmCampaignId() {
        return crmCampaignId;
    }

    public String requestedStatus() {
        return requestedStatus;
    }

    public String crmId() {
        return crmId;
    }

    public String crmStatus() {
        return crmStatus;
    }

    public String lastOutboxId() {
        return lastOutboxId;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
