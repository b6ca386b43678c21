package org.jbp.incentive.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jbp.kernel.PlanId;
import org.jbp.kernel.PlanIdConverter;

/** A rule's effect applied to a partner in a plan period, with the evidence that made it fire. */
@Entity
@Table(name = "incentive_firing")
public class IncentiveFiring {

    @Id
    private UUID id;
    @Column(name = "rule_id")
    private UUID ruleId;
    @Column(name = "partner_account")
    private String partnerAccount;
    @Column(name = "period_label")
    private String periodLabel;
    @Column(name = "plan_id")
    @Convert(converter = PlanIdConverter.class)
    private PlanId planId;
    @Column(name = "trigger_name")
    private String trigger;
    private String evidence;
    @Column(name = "fired_at")
    private Instant firedAt;

    protected IncentiveFiring() {
    }

    public IncentiveFiring(UUID ruleId, String partnerAccount, String periodLabel, PlanId planId, String trigger,
                           String evidence, Instant at) {
        this.id = UUID.randomUUID();
        this.ruleId = Objects.requireNonNull(ruleId);
        this.partnerAccount = Objects.requireNonNull(partnerAccount);
        this.periodLabel = Objects.requireNonNull(periodLabel);
        this.planId = Objects.requireNonNull(planId);
        this.trigger = Objects.requireNonNull(trigger);
        this.evidence = Objects.requireNonNull(evidence);
        this.firedAt = Objects.requireNonNull(at);
    }

    public UUID id() {
        return id;
    }

    public UUID ruleId() {
        return ruleId;
    }

    public String partnerAccount() {
        return partnerAccount;
    }

    public String periodLabel() {
        return periodLabel;
    }

    public PlanId planId() {
        return planId;
    }

    public String trigger() {
        return trigger;
    }

    public String evidence() {
        return evidence;
    }

    public Instant firedAt() {
        return firedAt;
    }
}
