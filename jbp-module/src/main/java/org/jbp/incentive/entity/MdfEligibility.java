package org.jbp.incentive.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How much MDF one campaign of a partner may ask for: a fixed cap in a currency, or a percentage of the plan's
 * closed-revenue target. Set by incentive rules; read when a plan is submitted.
 */
@Entity
@Table(name = "mdf_eligibility")
public class MdfEligibility {

    @Id
    @Column(name = "partner_account")
    private String partnerAccount;
    @Column(name = "cap_amount")
    private BigDecimal capAmount;
    @Column(name = "cap_percent")
    private BigDecimal capPercent;
    private String currency;
    @Column(name = "rule_id")
    private String ruleId;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected MdfEligibility() {
    }

    public MdfEligibility(String partnerAccount) {
        this.partnerAccount = Objects.requireNonNull(partnerAccount);
    }

    public void change(BigDecimal amount, BigDecimal percent, String currencyCode, String byRule, Instant at) {
        if ((amount == null) == (percent == null)) {
            throw new IllegalArgumentException("an MDF cap is an amount or a percentage, exactly one of them");
        }
        this.capAmount = amount;
        this.capPercent = percent;
        this.currency = currencyCode;
        this.ruleId = byRule;
        this.updatedAt = at;
    }

    public boolean sameAs(BigDecimal amount, BigDecimal percent, String currencyCode) {
        return equal(capAmount, amount) && equal(capPercent, percent)
                && (amount == null || Objects.equals(currency, currencyCode));
    }

    /** The cap for one campaign of a plan with this revenue target (empty when it cannot be computed). */
    public Optional<BigDecimal> capFor(BigDecimal revenueTarget, String planCurrency) {
        if (capAmount != null) {
            return Objects.equals(currency, planCurrency) ? Optional.of(capAmount) : Optional.empty();
        }
        if (capPercent != null && revenueTarget != null) {
            return Optional.of(revenueTarget.multiply(capPercent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
        }
        return Optional.empty();
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    public String partnerAccount() {
        return partnerAccount;
    }

    public BigDecimal capAmount() {
        return capAmount;
    }

    public BigDecimal capPercent() {
        return capPercent;
    }

    public String currency() {
        return currency;
    }

    public String ruleId() {
        return ruleId;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
