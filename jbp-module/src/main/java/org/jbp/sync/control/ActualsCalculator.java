package org.jbp.sync.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jbp.crm.KpiFact;
import org.jbp.crm.KpiFactQuery;
import org.jbp.crm.mapping.KpiMapping;
import org.jbp.crm.mapping.KpiSource;
import org.jbp.kernel.PlanId;

/**
 * The sync's arithmetic, in plain Java so the benchmark runs exactly what the job runs: which batched query
 * serves all plans, and which actuals one plan gets from its partner's quarterly facts.
 * Keys follow {@code KpiActuals}: {@code metric} for the period, {@code metric#n} for the plan's n-th quarter;
 * a breakdown source yields its total under the source key and one metric per value, {@code source(VALUE)}.
 */
public final class ActualsCalculator {

    private ActualsCalculator() {
    }

    /** What the sync needs of a plan: whose facts, over which period. */
    public record PlanScope(PlanId planId, String partnerId, LocalDate start, LocalDate end, String currency) {
        public PlanScope(PlanId planId, String partnerId, LocalDate start, LocalDate end) {
            this(planId, partnerId, start, end, null);
        }

        public PlanScope {
            Objects.requireNonNull(planId, "plan id is required");
            Objects.requireNonNull(partnerId, "partner id is required");
            Objects.requireNonNull(start, "start is required");
            Objects.requireNonNull(end, "end is required");
        }

        /** Consecutive three-month slices from the start, as the plan's quarters are defined. */
        public List<LocalDate[]> quarters() {
            List<LocalDate[]> quarters = new ArrayList<>();
            LocalDate from = start;
            while (!from.isAfter(end) && quarters.size() < 4) {
                LocalDate to = from.plusMonths(3).minusDays(1);
                quarters.add(new LocalDate[]{from, to.isAfter(end) ? end : to});
                from = to.plusDays(1);
            }
            return quarters;
        }
    }

    /**
     * One query for one source that serves every plan: their partners over the union of their periods.
     * Asking for all partners avoids IN-lists (which the connector must cut for the worst-case breakdown
     * cardinality) and pays off once the plans cover a good share of the partners.
     */
    public static KpiFactQuery query(String sourceKey, Collection<PlanScope> plans, int knownPartners) {
        return query(Set.of(sourceKey), plans, knownPartners);
    }

    /** As {@link #query(String, Collection, int)}, for several sources that the connector may serve together. */
    public static KpiFactQuery query(Set<String> sourceKeys, Collection<PlanScope> plans, int knownPartners) {
        if (plans.isEmpty()) {
            throw new IllegalArgumentException("no plans to query for");
        }
        LocalDate from = null;
        LocalDate to = null;
        java.util.Set<String> partners = new java.util.HashSet<>();
        for (PlanScope plan : plans) {
            from = from == null || plan.start().isBefore(from) ? plan.start() : from;
            to = to == null || plan.end().isAfter(to) ? plan.end() : to;
            partners.add(plan.partnerId());
        }
        KpiFactQuery query = partners.size() * 2L >= knownPartners ? KpiFactQuery.forAllPartners(sourceKeys, from, to)
                : KpiFactQuery.forPartners(sourceKeys, partners, from, to);
        // a quarter that starts or ends inside a calendar month cannot be given its share of a monthly fact
        return plans.stream().anyMatch(ActualsCalculator::quartersCutMonths) ? query.perDay() : query;
    }

    /**
     * The queries that serve these plans, each with the partners whose facts it stands for: partners with a plan whose
     * quarters cut months are asked by day, the others by month, so only they pay for the finer facts and every
     * partner's facts come in one grain (a partner's day facts serve its whole-month plans too).
     */
    public static Map<KpiFactQuery, Set<String>> queries(Set<String> sourceKeys, Collection<PlanScope> plans,
                                                         int knownPartners) {
        Set<String> byDay = new java.util.HashSet<>();
        plans.stream().filter(ActualsCalculator::quartersCutMonths).forEach(p -> byDay.add(p.partnerId()));
        Map<KpiFactQuery, Set<String>> queries = new java.util.LinkedHashMap<>();
        for (boolean days : new boolean[] {false, true}) {
            List<PlanScope> group = plans.stream().filter(p -> byDay.contains(p.partnerId()) == days).toList();
            if (!group.isEmpty()) {
                KpiFactQuery query = query(sourceKeys, group, knownPartners);
                Set<String> partners = new java.util.HashSet<>();
                group.forEach(p -> partners.add(p.partnerId()));
                queries.put(days ? query.perDay() : query, partners);
            }
        }
        return queries;
    }

    /** Whether the plan's period, and so its quarters, start or end other than on a month's first and last day. */
    static boolean quartersCutMonths(PlanScope plan) {
        return plan.start().getDayOfMonth() != 1 || !plan.end().equals(plan.end().withDayOfMonth(
                plan.end().lengthOfMonth()));
    }

    /**
     * How the facts step walks the sources. A full run reads one source at a time: each fills its own 2,000-row
     * pages, and only one source's facts are in memory. An incremental run reads together the sources whose
     * records are the same (same object and partner field): they changed for the same partners, and the connector
     * can answer them with fewer, merged queries over that short partner list. Units are ordered by their first
     * key, which is the checkpoint a resumed run continues after.
     */
    public static List<List<String>> fetchUnits(KpiMapping mapping, boolean incremental) {
        Map<String, List<String>> units = new TreeMap<>();
        for (String key : new TreeSet<>(mapping.sources().keySet())) {
            KpiSource source = mapping.requireSource(key);
            String unit = incremental ? (source.object() + "." + source.partnerField()).toLowerCase(Locale.ROOT) : key;
            units.computeIfAbsent(unit, u -> new ArrayList<>()).add(key);
        }
        List<List<String>> ordered = new ArrayList<>(units.values());
        ordered.sort(Comparator.comparing(unit -> unit.get(0)));
        return ordered;
    }

    /**
     * Whether a metric ({@code source}, {@code source(VALUE)}, with or without {@code #quarter}) belongs to one of
     * the sources: an incremental run records, and zeroes when gone, only the metrics of the sources it re-read.
     */
    public static boolean belongsTo(String metric, Collection<String> sourceKeys) {
        int hash = metric.lastIndexOf('#');
        String name = hash < 0 ? metric : metric.substring(0, hash);
        int paren = name.indexOf('(');
        return sourceKeys.contains(paren < 0 ? name : name.substring(0, paren));
    }

    /**
     * The actuals of one plan from its partner's facts: every source key gets a period value and one value per
     * quarter of the plan (zero when the CRM has nothing), so a value that drops to nothing is recorded as 0.
     * A calendar month counts towards the plan quarter in which its first day inside the period falls, so plan
     * quarters follow the plan's own period (a fiscal year from April, a period from February); months outside the
     * period are ignored. A period starting or ending mid-month is asked by day ({@link #query}): each day's fact
     * counts in the quarter of that day, and days outside the period not at all.
     */
    public static Map<String, BigDecimal> compute(PlanScope plan, Collection<KpiFact> partnerFacts,
                                                  Collection<String> sourceKeys) {
        List<LocalDate[]> quarters = plan.quarters();
        Map<String, BigDecimal> values = new TreeMap<>();
        for (String source : sourceKeys) {
            zero(values, source, quarters.size());
        }
        for (KpiFact fact : partnerFacts) {
            if (!plan.partnerId().equals(fact.partnerId()) || !sourceKeys.contains(fact.sourceKey())) {
                continue;
            }
            int index;
            if (fact.day() > 0) {
                // a fact of one day counts in the quarter of that day, and not at all outside the period
                index = quarterIndex(quarters, fact.month().atDay(fact.day()));
            } else {
                LocalDate first = fact.month().atDay(1);
                if (fact.month().atEndOfMonth().isBefore(plan.start())) {
                    continue;
                }
                index = quarterIndex(quarters, first.isBefore(plan.start()) ? plan.start() : first);
            }
            if (index == 0) {
                continue;
            }
            add(values, fact.sourceKey(), index, fact.value());
            if (fact.breakdown().isPresent()) {
                String metric = fact.sourceKey() + "(" + fact.breakdown().get() + ")";
                if (!values.containsKey(metric)) {
                    zero(values, metric, quarters.size());
                }
                add(values, metric, index, fact.value());
            }
        }
        return values;
    }

    /**
     * As {@link #compute(PlanScope, Collection, Collection)}, with the facts of {@code moneySources} (which arrive in
     * the CRM's corporate currency) multiplied by {@code rate} into the plan's currency.
     */
    public static Map<String, BigDecimal> compute(PlanScope plan, Collection<KpiFact> partnerFacts,
                                                  Collection<String> sourceKeys, Set<String> moneySources,
                                                  BigDecimal rate) {
        if (rate.compareTo(BigDecimal.ONE) == 0) {
            return compute(plan, partnerFacts, sourceKeys);
        }
        return compute(plan, partnerFacts, sourceKeys, moneySources, fact -> rate);
    }

    /**
     * As {@link #compute(PlanScope, Collection, Collection)}, with each money fact multiplied by the rate
     * {@code rateOf} gives it: with dated exchange rates, the rate of the fact's month.
     */
    public static Map<String, BigDecimal> compute(PlanScope plan, Collection<KpiFact> partnerFacts,
                                                  Collection<String> sourceKeys, Set<String> moneySources,
                                                  java.util.function.Function<KpiFact, BigDecimal> rateOf) {
        List<KpiFact> converted = new ArrayList<>();
        for (KpiFact f : partnerFacts) {
            converted.add(!moneySources.contains(f.sourceKey()) ? f : new KpiFact(f.sourceKey(), f.partnerId(),
                    f.month(), f.breakdown(), f.value().multiply(rateOf.apply(f))
                    .setScale(2, java.math.RoundingMode.HALF_UP), f.rowCount(), f.day()));
        }
        return compute(plan, converted, sourceKeys);
    }

    /**
     * The rate each money fact of a plan in {@code currency} is multiplied by: the CurrencyType rate, or, for the
     * {@code datedSources} of an org with dated rates, the rate in effect on the first day of the fact's month (the
     * org converted each opportunity at the dated rate of its CloseDate; this backs the month's corporate sum out
     * at that month's rate). The dated rates used are put into {@code used}, by month.
     */
    public static java.util.function.Function<KpiFact, BigDecimal> rateOf(org.jbp.crm.CurrencyRates rates,
                                                                        String currency, Set<String> datedSources,
                                                                        Map<java.time.YearMonth, BigDecimal> used) {
        BigDecimal current = rates.rateTo(currency).orElseThrow(() -> new IllegalArgumentException(
                "the org has no currency " + currency));
        if (!rates.dated() || datedSources.isEmpty()) {
            return fact -> current;
        }
        return fact -> {
            if (!datedSources.contains(fact.sourceKey())) {
                return current;
            }
            BigDecimal ofMonth = rates.rateTo(currency, fact.month().atDay(1)).orElse(current);
            used.put(fact.month(), ofMonth);
            return ofMonth;
        };
    }

    /**
     * Whether a money source's amounts convert at dated rates where the org has them: "dated exchange rates are used
     * when converting currency fields on opportunities, opportunity line items, and opportunity history" (SOQL and
     * SOSL Reference, convertCurrency()); other objects convert at the current CurrencyType rate.
     */
    public static boolean convertsAtDatedRates(KpiSource source) {
        String field = source.aggregate().field().orElse("");
        String owner = field.contains(".") ? field.substring(0, field.indexOf('.')) : source.object();
        return owner.equalsIgnoreCase("Opportunity") || owner.equalsIgnoreCase("OpportunityLineItem");
    }

    private static int quarterIndex(List<LocalDate[]> quarters, LocalDate day) {
        for (int i = 0; i < quarters.size(); i++) {
            if (!day.isBefore(quarters.get(i)[0]) && !day.isAfter(quarters.get(i)[1])) {
                return i + 1;
            }
        }
        return 0;
    }

    private static void zero(Map<String, BigDecimal> values, String metric, int quarterCount) {
        values.put(metric, BigDecimal.ZERO);
        for (int q = 1; q <= quarterCount; q++) {
            values.put(metric + "#" + q, BigDecimal.ZERO);
        }
    }

    private static void add(Map<String, BigDecimal> values, String metric, int quarter, BigDecimal value) {
        values.merge(metric, value, BigDecimal::add);
        values.merge(metric + "#" + quarter, value, BigDecimal::add);
    }
}
