package org.jbp.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Money is kept to the cent and is added, compared and shared out in one currency only. */
class MoneyTest {

    private static Money usd(String amount) {
        return Money.of(new BigDecimal(amount), "USD");
    }

    @Test
    void moneyIsKeptToTheCentAndAddsInItsOwnCurrency() {
        Money sum = usd("10.005").plus(usd("0.10"));
        assertEquals(new BigDecimal("10.11"), sum.amount());
        assertEquals("USD", sum.currency());
    }

    @Test
    void moneyInTwoCurrenciesIsNeverAddedWithoutAConversion() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> usd("10").plus(Money.of(BigDecimal.ONE, "EUR")));
        assertEquals("cannot add EUR and USD without a conversion", refused.getMessage());
    }

    @Test
    void moneyInTwoCurrenciesIsNeverComparedEither() {
        assertTrue(usd("10.01").isMoreThan(usd("10")));
        assertFalse(usd("10").isMoreThan(usd("10.00")));
        // 100 JPY is not "more" than 10 USD: the comparison is refused, not answered on the bare numbers
        assertThrows(IllegalArgumentException.class,
                () -> Money.of(new BigDecimal("100"), "JPY").isMoreThan(usd("10")));
    }

    @Test
    void theSameAmountIsTheSameWhateverItsScaleButNotInAnotherCurrency() {
        assertTrue(new Money(new BigDecimal("10000"), "USD").sameAs(usd("10000.00")));
        assertFalse(new Money(new BigDecimal("10000"), "USD").sameAs(Money.of(new BigDecimal("10000"), "EUR")));
        assertFalse(usd("1").sameAs(null));
    }

    @Test
    void aPercentageIsTakenToTheCentInTheSameCurrency() {
        Money share = Money.of(new BigDecimal("123456.78"), "EUR").percent(new BigDecimal("2.5"));
        assertEquals(new BigDecimal("3086.42"), share.amount());
        assertEquals("EUR", share.currency());
    }

    @Test
    void storedColumnsWithoutAnAmountAreNoMoney() {
        assertNull(Money.ofNullable(null, "USD"));
        assertNull(Money.amountOf(null));
        assertEquals(new BigDecimal("5"), Money.amountOf(Money.ofNullable(new BigDecimal("5"), "USD")));
        assertThrows(NullPointerException.class, () -> Money.ofNullable(BigDecimal.ONE, null),
                "an amount without a currency is not money");
    }
}
