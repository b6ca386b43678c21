package org.jbp.crm.mapping;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one KPI comes from: records of {@code object}, grouped by {@code partnerField} and by the quarter of
 * {@code dateField}, reduced by {@code aggregate}, optionally split by {@code breakdownField}.
 *
 * @param breakdownCardinality expected number of breakdown values per partner and quarter, used to size query chunks
 */
public record KpiSource(String key, String object, String partnerField, String dateField, DateType dateType,
                        Aggregate aggregate, List<FieldFilter> filters, Optional<String> breakdownField,
                        int breakdownCardinality) {
    public KpiSource {
        Objects.requireNonNull(key, "Source key is required.");
        Objects.requireNonNull(object, "Object is required.");
        Objects.requireNonNull(partnerField, "Partner field is required.");
        Objects.requireNonNull(dateField, "Date field is required.");
        Objects.requireNonNull(dateType, "Date type is required.");
        Objects.requireNonNull(aggregate, "Aggregate is required.");
        filters = List.copyOf(filters);
        Objects.requireNonNull(breakdownField, "breakdownField must be Optional, not null");
        if (breakdownCardinality < 1) {
            throw new IllegalArgumentException("Breakdown cardinality must be at least 1.");
        }
    }

    /** Expected rows per partner and quarter: 1 without breakdown. */
    public int groupsPerPartnerAndQuarter() {
        return breakdownField.isPresent() ? breakdownCardinality : 1;
    }
}
