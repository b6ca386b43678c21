package org.jbp.incentive.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jbp.kernel.PlanId;

/** One entry of a partner's tier history: old and new level, the rule and evidence, the CRM write queued. */
@Entity
@Table(name = "tier_history")
public class TierChangeRecord {

    @Id
    private UUID id;
    @Column(name = "partner_account")
    private String partnerAccount;
    @Column(name = "old_tier")
    private String oldTier;
    @Column(name = "new_tier")
    private String newTier;
    @Column(name = "rule_id")
    private String ruleId;
    @Column(name = "rule_name")
    private String ruleName;
    /** A varchar column (V4), not uuid: kept as its text. */
    @Column(name = "plan_id")
    private String planId;
    private String evidence;
    @Column(name = "outbox_id")
    private String outboxId;
    @Column(name = "changed_at")
    private Instant changedAt;

    protected TierChangeRecord() {
    }

    public TierChangeRecord(String partnerAccount, String oldTier, String newTier, IncentiveRule rule, PlanId planId,
                            String evidence, UUID outboxId, Instant at) {
        this.id = UUID.randomUUID();
        this.partnerAccount = Objects.requireNonNull(partnerAccount);
        this.oldTier = oldTier;
        this.newTier = Objects.requireNonNull(newTier);
        this.ruleId = rule == null ? null : rule.id().toString();
        this.ruleName = rule == null ? null : rule.name();
        this.planId = planId == null ? null : planId.toString();
        this.evidence = Objects.requireNonNull(evidence);
        this.outboxId = outboxId == null ? null : outboxId.toString();
        this.changedAt = Objects.requireNonNull(at);
    }

    public UUID id() {
        return id;
    }

    public String partnerAccount() {
        return partnerAccount;
    }

    public String oldTier() {
        return oldTier;
    }

    public String newTier() {
        return newTier;
    }

    public String ruleId() {
        return ruleId;
    }

    public String ruleName() {
        return ruleName;
    }

    public PlanId planId() {
        return planId == null ? null : PlanId.parse(planId);
    }

    public String evidence() {
        return evidence;
    }

    public String outboxId() {
        return outboxId;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
