package org.jbp.kpi.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.jbp.kernel.PlanId;

/**
 * Where a campaign's MDF stands in the CRM, kept by the feature that writes the fund requests (incentive). The
 * dashboard shows it next to each campaign without depending on that feature.
 */
public interface CampaignFundsSource {

    /**
     * @param status    CANCELLED when the plan withdrew the request, NOT_SENT before the CRM took it, else the CRM's
     *                  own status (Salesforce: Draft, Approved, Rejected)
     * @param approved  the amount the CRM approved (zero unless approved)
     * @param claimed   claims the CRM approved or paid
     * @param paid      claims the CRM paid
     * @param readAt    when the CRM was last read for it; null before the first KPI sync after its delivery
     */
    record FundState(String status, BigDecimal requested, BigDecimal approved, BigDecimal claimed, BigDecimal paid,
                     String currency, Instant readAt) {
    }

    /** The fund state per campaign key of the plan; campaigns without a fund request are absent. */
    Map<String, FundState> byCampaign(PlanId planId);
}
