package org.jbp.incentive.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jbp.crm.CrmConnector;
import org.jbp.crm.CrmException;
import org.jbp.crm.FundRequestState;
import org.jbp.incentive.entity.FundRequest;
import org.jbp.sync.control.SyncReadBack;
import org.jbp.kernel.Money;
import org.jbp.kernel.PlanId;

/**
 * After every KPI sync, reads back what Salesforce decided about the synced plans' fund requests and what was
 * claimed against them, and stores it on the requests. One connector call for all delivered requests (the connector
 * batches them into a few queries); no call at all when none was delivered yet.
 * A CRM that is briefly unavailable leaves the last read in place rather than failing the KPI sync; the read time
 * on each request shows how current it is.
 */
@ApplicationScoped
public class FundStatusReadBack implements SyncReadBack {

    private static final Logger LOG = Logger.getLogger(FundStatusReadBack.class.getName());
    /** PartnerFundRequest.Status meaning the request was approved. */
    static final String REQUEST_APPROVED = "Approved";
    /** PartnerFundClaim.Status values of claims the vendor accepted; the default KPI mapping counts the same. */
    static final List<String> CLAIM_ACCEPTED = List.of("Approved", "Paid");
    static final String CLAIM_PAID = "Paid";

    @Inject
    FundRequests fundRequests;
    @Inject
    Clock clock;

    @Override
    public void readBack(CrmConnector crm, List<PlanId> planIds) {
        // only what Salesforce took: a request still in the outbox is not there to read (and costs no call)
        List<FundRequest> requests = fundRequests.forPlans(planIds).stream().filter(r -> r.crmId() != null).toList();
        if (requests.isEmpty()) {
            return;
        }
        List<FundRequestState> states;
        try {
            states = crm.fundRequestStates(requests.stream().map(FundRequest::externalId).toList());
        } catch (CrmException e) {
            if (e.kind() != CrmException.Kind.TRANSIENT) {
                throw e;
            }
            LOG.warning("fund request statuses not read back this time, the last read stays: " + e.getMessage());
            return;
        }
        Map<String, FundRequestState> byExternalId = states.stream()
                .collect(Collectors.toMap(FundRequestState::externalId, Function.identity(), (a, b) -> a));
        Instant now = clock.instant();
        int changed = 0;
        org.jbp.crm.CurrencyRates rates = states.stream().anyMatch(s -> s.currency().isPresent())
                ? crm.currencies() : null;
        for (FundRequest request : requests) {
            FundRequestState state = byExternalId.get(request.externalId());
            if (state == null) {
                continue;
            }
            Optional<FundRequestState> inPlanCurrency = inCurrency(state, request.currency(), rates);
            if (inPlanCurrency.isEmpty()) {
                LOG.warning("fund request " + request.externalId() + " has amounts in a currency the org has no "
                        + "rate for; its last read stays");
            } else if (seen(request, inPlanCurrency.get(), now)) {
                changed++;
            }
        }
        LOG.fine(() -> "fund requests read back: " + states.size() + " of " + requests.size());
        if (changed > 0) {
            LOG.info(changed + " fund request(s) changed in the CRM since the last sync");
        }
    }

    /**
     * Approved is the amount Salesforce approved (Amount), or the requested amount when the request was approved
     * without one; claimed counts approved and paid claims, paid only paid ones.
     */
    static boolean seen(FundRequest request, FundRequestState state, Instant now) {
        Optional<String> status = state.status();
        BigDecimal approved = status.filter(REQUEST_APPROVED::equals).isPresent()
                ? state.approvedAmount().orElse(state.requestedAmount()) : BigDecimal.ZERO;
        BigDecimal claimed = sum(state, CLAIM_ACCEPTED);
        BigDecimal paid = sum(state, List.of(CLAIM_PAID));
        String currency = request.currency();
        return request.crmStateSeen(state.crmId(), status.orElse(null), new Money(approved, currency),
                new Money(claimed, currency), new Money(paid, currency), state.claims().size(), now);
    }

    /**
     * The request's amounts in the plan's currency. A multi-currency org keeps each record's amounts in its own
     * CurrencyIsoCode: the request was written in the plan's, but a partner user's claim takes that user's currency,
     * and someone may change the request's. Converted through the corporate currency with the org's CurrencyType
     * rates (amount / rate of its currency × rate of the plan's); empty when a currency has no rate.
     */
    static Optional<FundRequestState> inCurrency(FundRequestState state, String planCurrency,
                                                 org.jbp.crm.CurrencyRates rates) {
        String requestCurrency = state.currency().orElse(planCurrency);
        Optional<java.util.function.UnaryOperator<BigDecimal>> request = converter(requestCurrency, planCurrency, rates);
        if (request.isEmpty()) {
            return Optional.empty();
        }
        List<FundRequestState.FundClaim> claims = new java.util.ArrayList<>();
        for (FundRequestState.FundClaim claim : state.claims()) {
            Optional<java.util.function.UnaryOperator<BigDecimal>> convert =
                    converter(claim.currency().orElse(requestCurrency), planCurrency, rates);
            if (convert.isEmpty()) {
                return Optional.empty();
            }
            claims.add(new FundRequestState.FundClaim(claim.crmId(), claim.status(),
                    convert.get().apply(claim.amount()), Optional.of(planCurrency)));
        }
        return Optional.of(new FundRequestState(state.externalId(), state.crmId(), state.status(),
                request.get().apply(state.requestedAmount()), state.approvedAmount().map(request.get()), claims,
                Optional.of(planCurrency)));
    }

    private static Optional<java.util.function.UnaryOperator<BigDecimal>> converter(String from, String to,
                                                                                  org.jbp.crm.CurrencyRates rates) {
        if (from.equals(to)) {
            return Optional.of(java.util.function.UnaryOperator.identity());
        }
        if (rates == null) {
            return Optional.empty();
        }
        Optional<BigDecimal> fromRate = rates.rateTo(from);
        Optional<BigDecimal> toRate = rates.rateTo(to);
        if (fromRate.isEmpty() || toRate.isEmpty() || fromRate.get().signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(amount -> amount.divide(fromRate.get(), java.math.MathContext.DECIMAL64)
                .multiply(toRate.get(), java.math.MathContext.DECIMAL64)
                .setScale(2, java.math.RoundingMode.HALF_UP));
    }

    private static BigDecimal sum(FundRequestState state, List<String> statuses) {
        return state.claims().stream().filter(c -> c.status().filter(statuses::contains).isPresent())
                .map(FundRequestState.FundClaim::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
