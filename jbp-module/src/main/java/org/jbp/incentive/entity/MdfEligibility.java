package org.jbp.incentive.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jbp.kernel.Money;

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

    public void change(Money amount, BigDecimal percent, String byRule, Instant at) {
        if ((amount == null) == (percent == null)) {
            throw new IllegalArgumentException("an MDF cap is an amount or a percentage, exactly one of them");
        }
        this.capAmount = amount == null ? null : amount.amount();
        this.capPercent = percent;
        this.currency = amount == null ? null : amount.currency();
        this.ruleId = byRule;
        this.updatedAt = at;
    }

    public boolean sameAs(Money amount, BigDecimal percent) {
        Money cap = capAmount();
        return (cap == null ? amount == null : cap.sameAs(amount)) && equal(capPercent, percent);
    }

    /**
     * The cap for one campaign of a plan in {@code planCurrency} with this revenue target (null when the plan has
     * none): a fixed cap only in its own currency, a percentage of the target in the target's. Empty when it cannot
     * be computed.
     */
    public Optional<Money> capFor(Money revenueTarget, String planCurrency) {
        Money cap = capAmount();
        if (cap != null) {
            return cap.currency().equals(planCurrency) ? Optional.of(cap) : Optional.empty();
        }
        if (capPercent != null && revenueTarget != null) {
            return Optional.of(revenueTarget.percent(capPercent));
        }
        return Optional.empty();
    }

    private static boolean equal(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    public String partnerAccount() {
        return partnerAccount;
    }

    /** The fixed cap per campaign; null when the cap is a percentage. */
    public Money capAmount() {
        return Money.ofNullable(capAmount, currency);
    }

    public BigDecimal capPercent() {
        return capPercent;
    }

    public String ruleId() {
        return ruleId;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
