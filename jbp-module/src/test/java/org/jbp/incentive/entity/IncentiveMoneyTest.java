package org.jbp.incentive.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jbp.kernel.Money;
import org.jbp.kernel.PlanId;
import org.junit.jupiter.api.Test;

/** Fund requests and MDF caps hold money in one currency and never mix another one in. */
class IncentiveMoneyTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    private static Money usd(String amount) {
        return Money.of(new BigDecimal(amount), "USD");
    }

    @Test
    void aFundRequestRefusesAnApprovedAmountInAnotherCurrency() {
        FundRequest request = new FundRequest("jbp-mdf-x-c1", PlanId.random(), "c1", NOW);
        request.request("Webinar", usd("10000"), null, "Draft", UUID.randomUUID(), NOW);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> request.crmStateSeen("0ZU000000000001AAA", "Approved", Money.of(new BigDecimal("8000"), "EUR"),
                        usd("0"), usd("0"), 0, NOW));
        assertTrue(refused.getMessage().contains("is in USD, not EUR"), refused.getMessage());
        assertEquals(null, request.approved(), "nothing of the refused read is kept");

        assertTrue(request.crmStateSeen("0ZU000000000001AAA", "Approved", usd("8000"), usd("0"), usd("0"), 0, NOW));
        assertTrue(usd("8000").sameAs(request.approved()));
    }

    @Test
    void aFundRequestAskedAgainInAnotherCurrencyIsAChange() {
        FundRequest request = new FundRequest("jbp-mdf-x-c1", PlanId.random(), "c1", NOW);
        request.request("Webinar", usd("10000"), null, "Draft", UUID.randomUUID(), NOW);
        assertFalse(request.differsFrom("Webinar", usd("10000.00"), null), "the same amount at another scale");
        assertTrue(request.differsFrom("Webinar", Money.of(new BigDecimal("10000"), "EUR"), null));
    }

    @Test
    void aFixedMdfCapAppliesOnlyToPlansInItsCurrency() {
        MdfEligibility eligibility = new MdfEligibility("001000000000042AAA");
        eligibility.change(usd("5000"), null, "rule-1", NOW);
        Money target = Money.of(new BigDecimal("200000"), "EUR");
        assertEquals(Optional.empty(), eligibility.capFor(target, "EUR"), "a USD cap says nothing of a EUR plan");
        assertTrue(usd("5000").sameAs(eligibility.capFor(usd("200000"), "USD").orElseThrow()));
    }

    @Test
    void aPercentageCapIsAShareOfTheRevenueTargetInItsCurrency() {
        MdfEligibility eligibility = new MdfEligibility("001000000000042AAA");
        eligibility.change(null, new BigDecimal("2.5"), "rule-2", NOW);
        Money cap = eligibility.capFor(Money.of(new BigDecimal("200000"), "EUR"), "EUR").orElseThrow();
        assertTrue(Money.of(new BigDecimal("5000"), "EUR").sameAs(cap), cap.toString());
        assertTrue(eligibility.sameAs(null, new BigDecimal("2.50")));
        assertFalse(eligibility.sameAs(usd("5000"), null));
        assertThrows(IllegalArgumentException.class, () -> eligibility.change(usd("1"), BigDecimal.ONE, "r", NOW),
                "a cap is an amount or a percentage, not both");
    }
}
