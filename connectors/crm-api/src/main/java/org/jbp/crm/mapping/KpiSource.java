package org.jbp.crm.mapping;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one KPI comes from: records of {@code object}, grouped by {@code partnerField} and by the quarter of
 * {@code dateField}, reduced by {@code aggregate}, optionally split by {@code breakdownField}.
 *
 * @param breakdownCardinality expected number of breakdown values per partner and quarter, used to size query chunks
 * @param breakdownLabels      the CRM's breakdown values (picklist API names) and the label a fact carries for
 *                             each, such as {@code Pre-Sales -> PRE_SALES}; values not listed keep their CRM value
 */
public record KpiSource(String key, String object, String partnerField, String dateField, DateType dateType,
                        Aggregate aggregate, List<FieldFilter> filters, Optional<String> breakdownField,
                        int breakdownCardinality, Map<String, String> breakdownLabels, Unit unit) {

    /** CURRENCY: a sum of a currency field, which a multi-currency org returns in its corporate currency. */
    public enum Unit { NUMBER, CURRENCY }

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
        breakdownLabels = Map.copyOf(breakdownLabels);
        Objects.requireNonNull(unit, "Unit is required.");
        if (!breakdownLabels.isEmpty() && breakdownField.isEmpty()) {
            throw new IllegalArgumentException("Breakdown labels need a breakdown field.");
        }
    }

    public KpiSource(String key, String object, String partnerField, String dateField, DateType dateType,
                     Aggregate aggregate, List<FieldFilter> filters, Optional<String> breakdownField,
                     int breakdownCardinality) {
        this(key, object, partnerField, dateField, dateType, aggregate, filters, breakdownField, breakdownCardinality,
                Map.of(), Unit.NUMBER);
    }

    /**
     * The label a fact carries for a CRM breakdown value. Salesforce compares picklist values without regard to
     * case, so the lookup does too.
     */
    public String breakdownLabel(String crmValue) {
        String exact = breakdownLabels.get(crmValue);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> e : breakdownLabels.entrySet()) {
            if (e.getKey().equalsIgnoreCase(crmValue)) {
                return e.getValue();
            }
        }
        return crmValue;
    }

    /** Expected rows per partner and quarter: 1 without breakdown. */
    public int groupsPerPartnerAndQuarter() {
        return breakdownField.isPresent() ? breakdownCardinality : 1;
    }
}
