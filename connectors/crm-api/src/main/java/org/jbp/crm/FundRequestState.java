package org.jbp.crm;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A fund request as the CRM holds it now, read back by the external id it was written with: the CRM's status,
 * the amount asked and the amount approved, and the claims made against it.
 *
 * @param status         the CRM's own status value (Salesforce: Draft, Approved, Rejected); empty when not set
 * @param approvedAmount the amount the CRM approved, empty when none was entered
 * @param currency       the request's CurrencyIsoCode in a multi-currency org (its amounts are in it); empty in a
 *                       single-currency org, where every amount is in the org's one currency
 */
public record FundRequestState(String externalId, String crmId, Optional<String> status, BigDecimal requestedAmount,
                               Optional<BigDecimal> approvedAmount, List<FundClaim> claims, Optional<String> currency) {

    /** A request of a single-currency org. */
    public FundRequestState(String externalId, String crmId, Optional<String> status, BigDecimal requestedAmount,
                            Optional<BigDecimal> approvedAmount, List<FundClaim> claims) {
        this(externalId, crmId, status, requestedAmount, approvedAmount, claims, Optional.empty());
    }

    public FundRequestState {
        Objects.requireNonNull(externalId, "External id is required.");
        Objects.requireNonNull(crmId, "CRM id is required.");
        Objects.requireNonNull(status, "status must be Optional, not null");
        requestedAmount = requestedAmount == null ? BigDecimal.ZERO : requestedAmount;
        Objects.requireNonNull(approvedAmount, "approvedAmount must be Optional, not null");
        claims = List.copyOf(claims);
        Objects.requireNonNull(currency, "currency must be Optional, not null");
    }

    /**
     * One claim of funds against a request.
     *
     * @param status   the CRM's own status value (Salesforce: Draft, Approved, Rejected, Paid); empty when not set
     * @param currency the claim's own CurrencyIsoCode in a multi-currency org: a partner user's claim takes that
     *                 user's currency, which need not be the request's
     */
    public record FundClaim(String crmId, Optional<String> status, BigDecimal amount, Optional<String> currency) {
        public FundClaim {
            Objects.requireNonNull(crmId, "CRM id is required.");
            Objects.requireNonNull(status, "status must be Optional, not null");
            amount = amount == null ? BigDecimal.ZERO : amount;
            Objects.requireNonNull(currency, "currency must be Optional, not null");
        }

        /** A claim of a single-currency org. */
        public FundClaim(String crmId, Optional<String> status, BigDecimal amount) {
            this(crmId, status, amount, Optional.empty());
        }
    }
}
