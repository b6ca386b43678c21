package org.jbp.plan.control;

import java.math.BigDecimal;
import java.util.Map;
import org.jbp.kernel.PlanId;

/**
 * The actuals recorded for a plan, as the close and the next cycle read them. The kpi feature keeps them
 * ({@code KpiActuals} implements this); plan sits below kpi and reads them only through this interface.
 */
public interface PlanActuals {

    /** The newest value per metric and quarter, keyed {@code metric} (period) or {@code metric#q}. */
    Map<String, BigDecimal> current(PlanId planId);

    /** The period value of a metric: as recorded for the period, else the sum of its quarters. */
    static BigDecimal periodValue(Map<String, BigDecimal> current, String metric) {
        BigDecimal whole = current.get(metric);
        if (whole != null) {
            return whole;
        }
        BigDecimal sum = null;
        for (int q = 1; q <= 4; q++) {
            BigDecimal part = current.get(metric + "#" + q);
            if (part != null) {
                sum = sum == null ? part : sum.add(part);
            }
        }
        return sum;
    }
}
