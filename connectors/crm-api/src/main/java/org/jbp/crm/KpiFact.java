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
 * @param day      0 for the whole month; otherwise the fact covers that day of the month alone, as a query asked
 *                 {@link KpiFactQuery#byDay() by day} answers, for a plan whose quarters start mid-month
 */
public record KpiFact(String sourceKey, String partnerId, YearMonth month, Optional<String> breakdown,
                      BigDecimal value, long rowCount, int day) {

    /** A fact for the whole month. */
    public KpiFact(String sourceKey, String partnerId, YearMonth month, Optional<String> breakdown, BigDecimal value,
                   long rowCount) {
        this(sourceKey, partnerId, month, breakdown, value, rowCount, 0);
    }

    public KpiFact {
        if (day < 0 || day > month.lengthOfMonth()) {
            throw new IllegalArgumentException("Day " + day + " is not a day of " + month);
        }
        Objects.requireNonNull(sourceKey, "Source key is required.");
        Objects.requireNonNull(partnerId, "Partner id is required.");
        Objects.requireNonNull(month, "Month is required.");
        Objects.requireNonNull(breakdown, "breakdown must be Optional, not null");
        Objects.requireNonNull(value, "Value is required.");
    }
}
