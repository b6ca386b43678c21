package org.jbp.kernel;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.jbp.kernel.Money;

/**
 * An amount in an ISO 4217 currency: plan targets, MDF requests and caps, fund amounts. Arithmetic and comparison
 * happen in one currency only; amounts in two currencies are never added or compared without a conversion.
 */
public record Money(
        @NotNull @PositiveOrZero(message = "must not be negative") @Digits(integer = 13, fraction = 2) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static Money of(BigDecimal amount, String currency) {
        Objects.requireNonNull(amount, "amount is required");
        Objects.requireNonNull(currency, "currency is required");
        return new Money(amount.setScale(2, RoundingMode.HALF_UP), currency);
    }

    /** Two stored columns as money; no amount is no money (a fund request the CRM has not read back yet). */
    public static Money ofNullable(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount, Objects.requireNonNull(currency, "currency is required"));
    }

    /** The amount of some money that may be absent, for views that show amount and currency apart. */
    public static BigDecimal amountOf(Money money) {
        return money == null ? null : money.amount();
    }

    /** The sum in this currency. */
    public Money plus(Money other) {
        requireSameCurrency(other, "add");
        return of(amount.add(other.amount), currency);
    }

    /** Whether this is more than {@code other}, in the same currency. */
    public boolean isMoreThan(Money other) {
        requireSameCurrency(other, "compare");
        return amount.compareTo(other.amount) > 0;
    }

    /** The same amount, whatever its scale ({@code 10} and {@code 10.00}), in the same currency. */
    public boolean sameAs(Money other) {
        return other != null && currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    /** {@code percent} % of this amount, to the cent. */
    public Money percent(BigDecimal percent) {
        return of(amount.multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_UP), currency);
    }

    private void requireSameCurrency(Money other, String verb) {
        Objects.requireNonNull(other, "the other amount is required");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot " + verb + " " + other.currency + " and " + currency
                    + " without a conversion");
        }
    }
}
