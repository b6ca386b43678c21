package org.jbp.crm.mapping;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which records are partner accounts and which fields carry their attributes; empty fields are not read.
 * {@code tierField} is empty when tiers come from channel program membership (see {@link KpiMapping#tiersFromProgramMembers()}).
 */
public record PartnerSource(String object, List<FieldFilter> filters, Optional<String> tierField,
                            Optional<String> typeField, Optional<String> ownerField, Optional<String> regionField,
                            Optional<String> countryField) {
    public PartnerSource {
        Objects.requireNonNull(object, "Partner object is required.");
        filters = List.copyOf(filters);
        Objects.requireNonNull(tierField);
        Objects.requireNonNull(typeField);
        Objects.requireNonNull(ownerField);
        Objects.requireNonNull(regionField);
        Objects.requireNonNull(countryField);
    }

    PartnerSource withTierField(Optional<String> field) {
        return new PartnerSource(object, filters, field, typeField, ownerField, regionField, countryField);
    }
}
