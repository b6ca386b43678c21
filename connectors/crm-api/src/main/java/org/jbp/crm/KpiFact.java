package org.jbp.crm;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * One aggregated KPI value: a source, a partner, a calendar month and optionally a breakdown value (for example a
 * role). Months, not quarters: a plan's quarters start wherever its period starts, and are summed from months.
 *
 * @param value    the aggregate (a sum, or a count for COUNT and COUNT_DISTINCT sources)
 * @param rowCount how many CRM records fed the value
 */
public record KpiFact(String sourceKey, String partnerId, YearMonth month, Optional<String> breakdown,
                      BigDecimal value, long rowCount) {
    public KpiFact {
        Objects.requireNonNull(sourceKey, "Source key is required.");
        Objects.requireNonNull(partnerId, "Partner id is required.");
        Objects.requireNonNull(month, "Month is required.");
        Objects.requireNonNull(breakdown, "breakdown must be Optional, not null");
        Objects.requireNonNull(value, "Value is required.");
    }
}
