package org.jbp.plan.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jbp.kernel.StateConflict;
import org.junit.jupiter.api.Test;

/** Money adds only in one currency; an amendment is decided once. */
class MoneyAndAmendmentTest {

    static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");

    @Test
    void moneyIsKeptToTheCentAndAddsInItsOwnCurrency() {
        Money sum = Money.of(new BigDecimal("10.005"), "USD").plus(Money.of(new BigDecimal("0.10"), "USD"));
        assertEquals(new BigDecimal("10.11"), sum.amount());
        assertEquals("USD", sum.currency());
    }

    @Test
    void moneyInTwoCurrenciesIsNeverAddedWithoutAConversion() {
        assertThrows(IllegalArgumentException.class,
                () -> Money.of(BigDecimal.TEN, "USD").plus(Money.of(BigDecimal.ONE, "EUR")));
    }

    @Test
    void anAmendmentIsDecidedOnce() {
        Amendment amendment = new Amendment(UUID.randomUUID(), "more MDF", "{}", 3, "005000000000002", AT);
        assertEquals(AmendmentStatus.IN_APPROVAL, amendment.status());
        amendment.applied(4, AT.plusSeconds(60));
        assertEquals(AmendmentStatus.APPROVED, amendment.status());
        assertEquals(Integer.valueOf(4), amendment.appliedRevision());
        StateConflict again = assertThrows(StateConflict.class, () -> amendment.refused(AT.plusSeconds(90)));
        assertEquals("APPROVED", again.details().get("amendmentStatus"));
        assertThrows(StateConflict.class, () -> amendment.sentBack(AT.plusSeconds(90)));
        assertEquals(AmendmentStatus.APPROVED, amendment.status());
    }
}
