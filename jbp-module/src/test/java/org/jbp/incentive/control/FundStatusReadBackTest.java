package org.jbp.incentive.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jbp.crm.FundRequestState.FundClaim;
import org.jbp.crm.FundRequestState;
import org.jbp.incentive.entity.FundRequest;
import org.jbp.kernel.Money;
import org.jbp.kernel.PlanId;
import org.junit.jupiter.api.Test;

/** What a Salesforce fund request and its claims become on the plan's request: status, approved, claimed, paid. */
class FundStatusReadBackTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    private static FundRequest request() {
        FundRequest request = new FundRequest("jbp-mdf-x-c1", PlanId.random(), "c1", NOW);
        request.request("Webinar", Money.of(new BigDecimal("10000"), "USD"), null, "Draft", UUID.randomUUID(), NOW);
        return request;
    }

    private static FundRequestState state(String status, String amount, FundClaim... claims) {
        return new FundRequestState("jbp-mdf-x-c1", "0ZU000000000001AAA", Optional.ofNullable(status),
                new BigDecimal("10000"), Optional.ofNullable(amount).map(BigDecimal::new), List.of(claims));
    }

    private static FundClaim claim(String status, String amount) {
        return new FundClaim("0ZV" + UUID.randomUUID().toString().substring(0, 12), Optional.ofNullable(status),
                new BigDecimal(amount));
    }

    @Test
    void approvedRequestShowsTheApprovedAmountAndAcceptedAndPaidClaims() {
        FundRequest request = request();
        assertTrue(FundStatusReadBack.seen(request, state("Approved", "8000", claim("Paid", "3000"),
                claim("Approved", "2500"), claim("Draft", "700"), claim("Rejected", "400"), claim(null, "50")), NOW));
        assertEquals("Approved", request.crmStatus());
        assertEquals(0, new BigDecimal("8000").compareTo(request.approved().amount()));
        assertEquals(0, new BigDecimal("5500").compareTo(request.claimed().amount()), "approved and paid claims");
        assertEquals(0, new BigDecimal("3000").compareTo(request.paid().amount()));
        assertEquals(5, request.claimCount());
        assertEquals(NOW, request.crmReadAt());
        assertEquals("Approved", FundRequests.status(request));
    }

    @Test
    void aClaimInAnotherCurrencyCountsInThePlansCurrencyAtTheOrgsRates() {
        FundRequest request = request();
        org.jbp.crm.CurrencyRates rates = new org.jbp.crm.CurrencyRates(true, "USD",
                java.util.Map.of("USD", BigDecimal.ONE, "EUR", new BigDecimal("0.8")));
        FundClaim inEuros = new FundClaim("0ZV000000000001AAA", Optional.of("Paid"), new BigDecimal("800"),
                Optional.of("EUR"));
        FundRequestState state = new FundRequestState("jbp-mdf-x-c1", "0ZU000000000001AAA", Optional.of("Approved"),
                new BigDecimal("10000"), Optional.of(new BigDecimal("8000")), List.of(inEuros), Optional.of("USD"));
        FundStatusReadBack.seen(request, FundStatusReadBack.inCurrency(state, "USD", rates).orElseThrow(), NOW);
        assertEquals(0, new BigDecimal("1000").compareTo(request.paid().amount()), "EUR 800 at 0.8 per USD");
        assertEquals(0, new BigDecimal("8000").compareTo(request.approved().amount()));
        assertTrue(FundStatusReadBack.inCurrency(state, "JPY", rates).isEmpty(), "no rate, no guess");
    }

    @Test
    void approvalWithoutAnAmountApprovesWhatWasRequested() {
        FundRequest request = request();
        FundStatusReadBack.seen(request, state("Approved", null), NOW);
        assertEquals(0, new BigDecimal("10000").compareTo(request.approved().amount()));
    }

    @Test
    void aRejectedOrDraftRequestHasNothingApprovedWhateverItsAmount() {
        FundRequest rejected = request();
        FundStatusReadBack.seen(rejected, state("Rejected", "8000"), NOW);
        assertEquals(0, BigDecimal.ZERO.compareTo(rejected.approved().amount()));
        FundRequest draft = request();
        FundStatusReadBack.seen(draft, state("Draft", null), NOW);
        assertEquals(0, BigDecimal.ZERO.compareTo(draft.approved().amount()));
        assertEquals("Draft", draft.crmStatus());
    }

    @Test
    void readingTheSameStateAgainChangesNothingButTheReadTime() {
        FundRequest request = request();
        FundStatusReadBack.seen(request, state("Approved", "8000", claim("Paid", "100")), NOW);
        Instant later = NOW.plusSeconds(3600);
        assertFalse(FundStatusReadBack.seen(request, state("Approved", "8000.00", claim("Paid", "100.0")), later));
        assertEquals(later, request.crmReadAt());
        assertEquals(NOW, request.updatedAt());
    }

    @Test
    void aWithdrawnRequestShowsCancelledWhateverSalesforceSaysAndIsWithdrawnOnce() {
        FundRequest request = request();
        request.delivered("0ZU000000000001AAA", NOW);
        request.cancel(UUID.randomUUID(), NOW);
        FundStatusReadBack.seen(request, state("Rejected", null), NOW);
        assertEquals("CANCELLED", FundRequests.status(request));
        assertTrue(request.differsFrom("Webinar", Money.of(new BigDecimal("10000"), "USD"), null),
                "asking again after a withdrawal sends the request again");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> request.cancel(UUID.randomUUID(), NOW));
    }
}
