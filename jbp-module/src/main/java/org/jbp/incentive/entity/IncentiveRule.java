package org.jbp.incentive.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jbp.kernel.Money;

/**
 * A rule from KPI attainment to an incentive: when its condition holds for a plan, the partner moves to a channel
 * program level, or gets a new MDF cap. Global, or limited to the plans of one template.
 */
@Entity
@Table(name = "incentive_rule")
public class IncentiveRule {

    public enum EffectType {
        TIER_CHANGE, MDF_ELIGIBILITY
    }

    @Id
    private UUID id;
    private String name;
    /** Text, not uuid: EclipseLink 4.0 fails reading a null uuid column into a UUID. */
    @Column(name = "template_id")
    private String templateId;
    private String condition;
    @Enumerated(EnumType.STRING)
    @Column(name = "effect_type")
    private EffectType effectType;
    @Column(name = "tier_level")
    private String tierLevel;
    @Column(name = "mdf_cap_amount")
    private BigDecimal mdfCapAmount;
    @Column(name = "mdf_cap_percent")
    private BigDecimal mdfCapPercent;
    @Column(name = "mdf_currency")
    private String mdfCurrency;
    private boolean active;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    protected IncentiveRule() {
    }

    private IncentiveRule(String name, UUID templateId, String condition, EffectType type, String by, Instant at) {
        this.id = UUID.randomUUID();
        this.name = Objects.requireNonNull(name);
        this.templateId = templateId == null ? null : templateId.toString();
        this.condition = Objects.requireNonNull(condition);
        this.effectType = type;
        this.active = true;
        this.createdBy = Objects.requireNonNull(by);
        this.createdAt = Objects.requireNonNull(at);
    }

    public static IncentiveRule tierChange(String name, UUID templateId, String condition, String level, String by,
                                           Instant at) {
        IncentiveRule rule = new IncentiveRule(name, templateId, condition, EffectType.TIER_CHANGE, by, at);
        rule.tierLevel = Objects.requireNonNull(level);
        return rule;
    }

    public static IncentiveRule mdfEligibility(String name, UUID templateId, String condition, Money capAmount,
                                               BigDecimal capPercent, String by, Instant at) {
        if ((capAmount == null) == (capPercent == null)) {
            throw new IllegalArgumentException("an MDF effect sets a cap amount or a cap percentage, exactly one");
        }
        IncentiveRule rule = new IncentiveRule(name, templateId, condition, EffectType.MDF_ELIGIBILITY, by, at);
        rule.mdfCapAmount = capAmount == null ? null : capAmount.amount();
        rule.mdfCurrency = capAmount == null ? null : capAmount.currency();
        rule.mdfCapPercent = capPercent;
        return rule;
    }

    public void deactivate() {
        this.active = false;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public UUID templateId() {
        return templateId == null ? null : UUID.fromString(templateId);
    }

    public String condition() {
        return condition;
    }

    public EffectType effectType() {
        return effectType;
    }

    public String tierLevel() {
        return tierLevel;
    }

    /** The fixed MDF cap per campaign the rule grants; null when it grants a percentage. */
    public Money mdfCapAmount() {
        return Money.ofNullable(mdfCapAmount, mdfCurrency);
    }

    public BigDecimal mdfCapPercent() {
        return mdfCapPercent;
    }


    public boolean active() {
        return active;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
