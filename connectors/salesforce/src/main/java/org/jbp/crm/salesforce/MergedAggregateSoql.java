package org.jbp.crm.salesforce;

import com.sforce.soap.partner.sobject.SObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jbp.crm.KpiFact;
import org.jbp.crm.mapping.Aggregate;
import org.jbp.crm.mapping.FieldFilter;
import org.jbp.crm.mapping.FilterValue;
import org.jbp.crm.mapping.KpiSource;

/**
 * One aggregate query serving several KPI sources that read the same records (same object, partner field and
 * date field) and differ only in equality filters: instead of one query per source, the filter fields are
 * grouped on, and each source's value is the sum of the groups its filters accept. Three Opportunity KPIs by
 * CreatedDate (all, registered, co-sell) become one query returning at most four groups per partner and quarter.
 * Worth it for a short partner list (an incremental sync), where each separate query would return few rows;
 * for all partners the separate queries fill their 2,000-row pages better.
 */
final class MergedAggregateSoql {

    /** Values expected of a text field we group on; the KPI mapping's default breakdown cardinality. */
    private static final int TEXT_VALUES = 10;

    private final List<KpiSource> sources;
    private final AggregateSoql base;
    private final List<String> commonConditions = new ArrayList<>();
    /** filter field → alias g0, g1, ... */
    private final Map<String, String> groupAliases = new LinkedHashMap<>();
    /** aggregate field → alias v0, v1, ... */
    private final Map<String, String> valueAliases = new LinkedHashMap<>();
    private final Map<String, Boolean> booleanFields = new LinkedHashMap<>();
    private final Map<String, Integer> literalsPerField = new LinkedHashMap<>();

    MergedAggregateSoql(List<KpiSource> sources, java.time.ZoneId zone, LocalDate start, LocalDate end) {
        if (sources.size() < 2 || !sources.stream().allMatch(s -> key(s).equals(key(sources.get(0)))
                && mergeable(s))) {
            throw new IllegalArgumentException("not mergeable: " + sources.stream().map(KpiSource::key).toList());
        }
        this.sources = List.copyOf(sources);
        this.base = new AggregateSoql(sources.get(0), zone, start, end);
        List<FieldFilter> shared = new ArrayList<>(sources.get(0).filters());
        sources.forEach(s -> shared.retainAll(s.filters()));
        shared.forEach(f -> commonConditions.add(AggregateSoql.condition(f)));
        for (KpiSource source : sources) {
            for (FieldFilter filter : source.filters()) {
                if (shared.contains(filter)) {
                    continue;
                }
                String field = filter.field().toLowerCase(Locale.ROOT);
                groupAliases.putIfAbsent(field, filter.field() + " g" + groupAliases.size());
                booleanFields.merge(field, filter.values().get(0) instanceof FilterValue.Bool, Boolean::logicalAnd);
                literalsPerField.merge(field, filter.values().size(), Integer::sum);
            }
            source.aggregate().field().ifPresent(f -> valueAliases.putIfAbsent(f.toLowerCase(Locale.ROOT),
                    "v" + valueAliases.size()));
        }
    }

    /** Sources that read the same records: the same object, partner field, date field and date type. */
    static String key(KpiSource source) {
        return (source.object() + "|" + source.partnerField() + "|" + source.dateField() + "|" + source.dateType())
                .toLowerCase(Locale.ROOT);
    }

    /**
     * Additive aggregates (SUM, COUNT) without breakdown, filtered only by {@code =} or {@code IN} on booleans
     * or text: their groups can be told apart in the result and summed back per source.
     */
    static boolean mergeable(KpiSource source) {
        if (source.breakdownField().isPresent()
                || source.aggregate().function() == Aggregate.Function.COUNT_DISTINCT) {
            return false;
        }
        return source.filters().stream().allMatch(f -> (f.operator() == FieldFilter.Operator.EQUALS
                || f.operator() == FieldFilter.Operator.IN)
                && f.values().stream().allMatch(v -> v instanceof FilterValue.Bool || v instanceof FilterValue.Text));
    }

    /**
     * Upper estimate of result rows per partner and quarter: 2 per checkbox; a text field (a picklist, say) has
     * values no filter names, so it counts as the mapping's default breakdown cardinality, or more when the
     * filters name more values. An underestimate still works (a refused chunk is halved) but costs calls.
     */
    int groupsPerPartnerAndQuarter() {
        long groups = 1;
        for (String field : groupAliases.keySet()) {
            groups *= booleanFields.get(field) ? 2 : Math.max(TEXT_VALUES, literalsPerField.get(field) + 1);
        }
        return (int) Math.min(AggregateSoql.MAX_AGGREGATE_ROWS, groups);
    }

    String forPartners(Collection<String> partnerIds) {
        String inList = partnerIds.stream().map(SoqlLiterals::id).collect(Collectors.joining(", ", "(", ")"));
        List<String> values = valueAliases.entrySet().stream()
                .map(e -> "SUM(" + originalField(e.getKey()) + ") " + e.getValue()).toList();
        return base.compose(sources.get(0).partnerField() + " IN " + inList, List.copyOf(groupAliases.values()),
                values, commonConditions, false);
    }

    int lengthWithoutPartners() {
        return forPartners(List.of()).length();
    }

    /** The facts one result row contributes: one per source whose filters accept the row's group. */
    List<KpiFact> facts(SObject row, String partnerId) {
        java.time.YearMonth month = java.time.YearMonth.of((int) Records.whole(row, "y"), (int) Records.whole(row, "m"));
        long count = Records.whole(row, "n");
        List<KpiFact> facts = new ArrayList<>();
        for (KpiSource source : sources) {
            if (!accepts(source, row)) {
                continue;
            }
            BigDecimal value = source.aggregate().function() == Aggregate.Function.COUNT ? BigDecimal.valueOf(count)
                    : Records.decimal(row, valueAliases.get(source.aggregate().field().orElseThrow()
                    .toLowerCase(Locale.ROOT)));
            facts.add(new KpiFact(source.key(), partnerId, month, Optional.empty(), value, count));
        }
        return facts;
    }

    /**
     * Sums the facts of one partner, source and quarter that came from different groups: what the source's own
     * query would have returned as one row.
     */
    static List<KpiFact> combine(List<KpiFact> facts) {
        Map<String, KpiFact> combined = new LinkedHashMap<>();
        for (KpiFact f : facts) {
            combined.merge(f.sourceKey() + "|" + f.partnerId() + "|" + f.month(), f, (a, b) -> new KpiFact(
                    a.sourceKey(), a.partnerId(), a.month(), Optional.empty(), a.value().add(b.value()),
                    a.rowCount() + b.rowCount()));
        }
        return new ArrayList<>(combined.values());
    }

    private boolean accepts(KpiSource source, SObject row) {
        for (FieldFilter filter : source.filters()) {
            String alias = groupAliases.get(filter.field().toLowerCase(Locale.ROOT));
            if (alias == null) {
                continue; // a condition all sources share is in the WHERE clause
            }
            Optional<String> value = Records.text(row, alias.substring(alias.indexOf(' ') + 1));
            if (value.isEmpty() || filter.values().stream().noneMatch(v -> equal(v, value.get()))) {
                return false;
            }
        }
        return true;
    }

    /** SOQL compares text case-insensitively (for fields that are not unique and case-sensitive). */
    private static boolean equal(FilterValue literal, String value) {
        if (literal instanceof FilterValue.Bool b) {
            return Boolean.parseBoolean(value) == b.value();
        }
        return literal instanceof FilterValue.Text t && t.value().equalsIgnoreCase(value);
    }

    private String originalField(String lowerCase) {
        return sources.stream().map(s -> s.aggregate().field()).flatMap(Optional::stream)
                .filter(f -> f.toLowerCase(Locale.ROOT).equals(lowerCase)).findFirst().orElseThrow();
    }
}
