package org.jbp.crm.mapping;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** The whole mapping: how to find partners, the KPI sources by key, and the write-back targets. */
public record KpiMapping(QuarterBasis quarterBasis, PartnerSource partners, Map<String, KpiSource> sources,
                         WriteTargets writeTargets) {
    public KpiMapping {
        Objects.requireNonNull(quarterBasis, "Quarter basis is required.");
        Objects.requireNonNull(partners, "Partner source is required.");
        sources = Map.copyOf(sources);
        Objects.requireNonNull(writeTargets, "Write targets are required.");
    }

    /**
     * Whether a partner's tier is the name of its ChannelProgramMember's level: it is where JBP writes tiers
     * with {@link WriteTargets.TierTarget#CHANNEL_PROGRAM_MEMBER}, so it is where the tier is read.
     */
    public boolean tiersFromProgramMembers() {
        return writeTargets.tierTarget() == WriteTargets.TierTarget.CHANNEL_PROGRAM_MEMBER;
    }

    public Optional<KpiSource> source(String key) {
        return Optional.ofNullable(sources.get(key));
    }

    /** The source for {@code key}, or an exception naming the keys that do exist. */
    public KpiSource requireSource(String key) {
        return source(key).orElseThrow(() -> new IllegalArgumentException(
                "Unknown KPI source key '" + key + "'; the mapping defines " + new TreeMap<>(sources).keySet()));
    }
}
