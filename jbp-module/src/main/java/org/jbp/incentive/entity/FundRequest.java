package org.jbp.incentive.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jbp.kernel.Money;
import org.jbp.kernel.PlanId;
import org.jbp.kernel.PlanIdConverter;

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
    @Convert(converter = PlanIdConverter.class)
    private PlanId planId;
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
    @Column(name = "approved_amount")
    private BigDecimal approvedAmount;
    @Column(name = "claimed_amount")
    private BigDecimal claimedAmount;
    @Column(name = "paid_amount")
    private BigDecimal paidAmount;
    @Column(name = "claim_count")
    private int claimCount;
    @Column(name = "crm_read_at")
    private Instant crmReadAt;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected FundRequest() {
    }

    public FundRequest(String externalId, PlanId planId, String campaignKey, Instant at) {
        this.externalId = Objects.requireNonNull(externalId);
        this.planId = Objects.requireNonNull(planId);
        this.campaignKey = Objects.requireNonNull(campaignKey);
        this.updatedAt = at;
    }

    /** Whether asking again with these values would change anything in the CRM (a withdrawn request always would). */
    public boolean differsFrom(String name, Money amount, String campaignId) {
        return cancelledAt != null || !Objects.equals(campaignName, name) || !amount.sameAs(requested())
                || !Objects.equals(crmCampaignId, campaignId);
    }

    /** A new upsert for this request is queued (outbox entry {@code outboxId}). */
    public void request(String name, Money amount, String campaignId, String status, UUID outboxId, Instant at) {
        this.campaignName = Objects.requireNonNull(name);
        this.requestedAmount = amount.amount();
        this.currency = amount.currency();
        this.crmCampaignId = campaignId;
        this.requestedStatus = Objects.requireNonNull(status);
        this.lastOutboxId = outboxId.toString();
        this.cancelledAt = null;
        this.updatedAt = at;
    }

    /**
     * The campaign no longer asks for MDF (an amendment removed it, or its MDF): the withdrawal of the request is
     * queued (outbox entry {@code outboxId}). Once only: a withdrawn request is not withdrawn again.
     */
    public void cancel(UUID outboxId, Instant at) {
        if (cancelledAt != null) {
            throw new IllegalStateException("fund request " + externalId + " is already withdrawn");
        }
        this.cancelledAt = Objects.requireNonNull(at);
        this.lastOutboxId = outboxId.toString();
        this.updatedAt = at;
    }

    public boolean isCancelled() {
        return cancelledAt != null;
    }

    /** Salesforce took the upsert; {@code status} is what we sent until a read-back says otherwise. */
    public void delivered(String id, Instant at) {
        this.crmId = id;
        if (crmStatus == null) {
            this.crmStatus = requestedStatus;
        }
        this.updatedAt = at;
    }

    /** The status the CRM reports now (Draft, Approved, Rejected), e.g. from a KPI sync read-back. */
    public void crmStatusSeen(String status, Instant at) {
        this.crmStatus = status;
        this.updatedAt = at;
    }

    /**
     * The request as the CRM holds it now: its status, the amount approved, and the sums of the claims against it.
     * Returns whether anything changed; the read time is kept either way, so a stale read-back shows. The amounts
     * are in the request's currency (the read-back converts them first): an amount in another one is refused, never
     * stored as if it were this request's.
     */
    public boolean crmStateSeen(String crmRecordId, String status, Money approved, Money claimed, Money paid,
                                int claims, Instant at) {
        BigDecimal approvedHere = inRequestCurrency(approved);
        BigDecimal claimedHere = inRequestCurrency(claimed);
        BigDecimal paidHere = inRequestCurrency(paid);
        boolean changed = !Objects.equals(crmId, crmRecordId) || !Objects.equals(crmStatus, status)
                || !same(approvedAmount, approvedHere) || !same(claimedAmount, claimedHere)
                || !same(paidAmount, paidHere) || claimCount != claims;
        this.crmId = crmRecordId;
        this.crmStatus = status;
        this.approvedAmount = approvedHere;
        this.claimedAmount = claimedHere;
        this.paidAmount = paidHere;
        this.claimCount = claims;
        this.crmReadAt = at;
        if (changed) {
            this.updatedAt = at;
        }
        return changed;
    }

    private BigDecimal inRequestCurrency(Money money) {
        if (money == null) {
            return null;
        }
        if (!money.currency().equals(currency)) {
            throw new IllegalArgumentException("fund request " + externalId + " is in " + currency + ", not "
                    + money.currency());
        }
        return money.amount();
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    public String externalId() {
        return externalId;
    }

    public PlanId planId() {
        return planId;
    }

    public String campaignKey() {
        return campaignKey;
    }

    public String campaignName() {
        return campaignName;
    }

    /** What was asked for; null before the first request. */
    public Money requested() {
        return Money.ofNullable(requestedAmount, currency);
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

    /** What the CRM approved, in the request's currency; null until a read-back. */
    public Money approved() {
        return Money.ofNullable(approvedAmount, currency);
    }

    public Money claimed() {
        return Money.ofNullable(claimedAmount, currency);
    }

    public Money paid() {
        return Money.ofNullable(paidAmount, currency);
    }

    public int claimCount() {
        return claimCount;
    }

    /** When the KPI sync last read this request back from the CRM; null before the first read. */
    public Instant crmReadAt() {
        return crmReadAt;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
