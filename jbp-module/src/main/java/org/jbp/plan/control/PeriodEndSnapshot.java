package org.jbp.plan.control;

import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.VendorDelivered;

/**
 * The period-end report as the plan keeps it once closed (a JSON document). Implemented by the report feature, so
 * that closing depends on this port and not on how a report is built or rendered.
 */
public interface PeriodEndSnapshot {

    /** The report of {@code plan} as of now, closed with what the vendor delivered (null when not recorded). */
    String closingReport(BusinessPlan plan, VendorDelivered delivered);
}
