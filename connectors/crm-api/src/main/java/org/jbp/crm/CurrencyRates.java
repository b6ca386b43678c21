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
 * currency). A single-currency org has only its corporate currency. An org with dated exchange rates (Salesforce:
 * advanced currency management) also has, per currency, the rates from each start date on.
 *
 * @param datedRates per ISO code, rate by the day it starts; empty when the org has no dated rates
 */
public record CurrencyRates(boolean multiCurrency, String corporate, Map<String, BigDecimal> rates,
                            Map<String, java.util.NavigableMap<java.time.LocalDate, BigDecimal>> datedRates) {

    public CurrencyRates {
        Objects.requireNonNull(corporate, "Corporate currency is required.");
        rates = Map.copyOf(rates);
        if (!rates.containsKey(corporate)) {
            throw new IllegalArgumentException("The corporate currency " + corporate + " needs a rate");
        }
        Map<String, java.util.NavigableMap<java.time.LocalDate, BigDecimal>> copy = new TreeMap<>();
        datedRates.forEach((code, byDay) -> copy.put(code,
                java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(byDay))));
        datedRates = java.util.Collections.unmodifiableMap(copy);
    }

    /** An org without dated rates. */
    public CurrencyRates(boolean multiCurrency, String corporate, Map<String, BigDecimal> rates) {
        this(multiCurrency, corporate, rates, Map.of());
    }

    /** Whether the org keeps dated exchange rates. */
    public boolean dated() {
        return !datedRates.isEmpty();
    }

    /**
     * The rate from the corporate currency to {@code isoCode} in effect on {@code day}: the dated rate that started
     * last on or before it, or the current rate when the org has no dated rate for that code and day.
     */
    public Optional<BigDecimal> rateTo(String isoCode, java.time.LocalDate day) {
        if (isoCode.equals(corporate)) {
            return Optional.of(BigDecimal.ONE);
        }
        java.util.NavigableMap<java.time.LocalDate, BigDecimal> byDay = datedRates.get(isoCode);
        Map.Entry<java.time.LocalDate, BigDecimal> inEffect = byDay == null ? null : byDay.floorEntry(day);
        return inEffect != null ? Optional.of(inEffect.getValue()) : rateTo(isoCode);
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
