package org.jbp.crm;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The CRM's currencies: its corporate currency, in which aggregated money facts arrive, and the rate of each active
 * currency against it (corporate = 1; an amount in the corporate currency times the rate is the amount in that
 * currency). A single-currency org has only its corporate currency.
 */
public record CurrencyRates(boolean multiCurrency, String corporate, Map<String, BigDecimal> rates) {

    public CurrencyRates {
        Objects.requireNonNull(corporate, "Corporate currency is required.");
        rates = Map.copyOf(rates);
        if (!rates.containsKey(corporate)) {
            throw new IllegalArgumentException("The corporate currency " + corporate + " needs a rate");
        }
    }

    public static CurrencyRates single(String corporate) {
        return new CurrencyRates(false, corporate, Map.of(corporate, BigDecimal.ONE));
    }

    /** The rate from the corporate currency to {@code isoCode}, empty when the CRM has no such active currency. */
    public Optional<BigDecimal> rateTo(String isoCode) {
        return Optional.ofNullable(rates.get(isoCode));
    }

    public BigDecimal convert(BigDecimal corporateAmount, BigDecimal rate) {
        return corporateAmount.multiply(rate, MathContext.DECIMAL64);
    }

    /** Sorted codes, for messages. */
    public java.util.Set<String> codes() {
        return new TreeMap<>(rates).keySet();
    }
}
