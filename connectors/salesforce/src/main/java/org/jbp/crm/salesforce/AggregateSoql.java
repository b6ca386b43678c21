package org.jbp.crm.salesforce;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jbp.crm.mapping.Aggregate;
import org.jbp.crm.mapping.DateType;
import org.jbp.crm.mapping.FieldFilter;
import org.jbp.crm.mapping.KpiSource;

/**
 * Builds the GROUP BY partner, year, quarter (and breakdown) query for one KPI source, so Salesforce aggregates
 * and only the sums travel. Names come from the validated mapping; every value goes through {@link SoqlLiterals}.
 *
 * <p>Result aliases: {@code p} partner, {@code y} year, {@code m} calendar month, {@code d} day of the month (by-day
 * queries only), {@code b} breakdown, {@code v} value, {@code n} record count.
 */
final class AggregateSoql {

    /** Salesforce's documented maximum SOQL statement length. */
    static final int MAX_SOQL_LENGTH = 100_000;
    /** Aggregate queries cannot use queryMore: more rows than this fail. */
    static final int MAX_AGGREGATE_ROWS = 2_000;

    private final KpiSource source;
    private final ZoneId zone;
    private final LocalDate periodStart;
    private final LocalDate periodEnd;
    private final boolean byDay;

    AggregateSoql(KpiSource source, ZoneId zone, LocalDate periodStart, LocalDate periodEnd) {
        this(source, zone, periodStart, periodEnd, false);
    }

    /**
     * @param zone the integration user's time zone: convertTimezone() converts dateTimes to it, so the period's
     *             days are bounded in it too
     * @param byDay also group by DAY_IN_MONTH() (alias {@code d}), for facts per day
     */
    AggregateSoql(KpiSource source, ZoneId zone, LocalDate periodStart, LocalDate periodEnd, boolean byDay) {
        this.byDay = byDay;
        this.source = source;
        this.zone = zone;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
    }

    /** For a known list of partners (already validated 18-character ids). */
    String forPartners(Collection<String> partnerIds) {
        String inList = partnerIds.stream().map(SoqlLiterals::id).collect(Collectors.joining(", ", "(", ")"));
        return build(source.partnerField() + " IN " + inList, false);
    }

    /** For every partner, in partner order from {@code afterPartnerId} (exclusive), at most 2,000 rows. */
    String forAllPartners(Optional<String> afterPartnerId) {
        String scope = source.partnerField() + " != null"
                + afterPartnerId.map(id -> " AND " + source.partnerField() + " > " + SoqlLiterals.id(id)).orElse("");
        return build(scope, true);
    }

    /** Length of the query without partner ids, to size IN lists under {@link #MAX_SOQL_LENGTH}. */
    int lengthWithoutPartners() {
        return forPartners(List.of()).length();
    }

    private String build(String partnerScope, boolean pagedByPartner) {
        List<String> groups = new ArrayList<>();
        source.breakdownField().ifPresent(field -> groups.add(field + " b"));
        List<String> values = new ArrayList<>();
        Aggregate aggregate = source.aggregate();
        switch (aggregate.function()) {
            case SUM -> values.add("SUM(" + aggregate.field().orElseThrow() + ") v");
            case COUNT_DISTINCT -> values.add("COUNT_DISTINCT(" + aggregate.field().orElseThrow() + ") v");
            case COUNT -> { /* the value is the record count n */ }
        }
        List<String> conditions = source.filters().stream().map(AggregateSoql::condition).toList();
        return compose(partnerScope, groups, values, conditions, pagedByPartner);
    }

    /**
     * The GROUP BY partner, year, quarter query over this source's object and period, with further grouped fields
     * ({@code "Field alias"}), aggregate columns and conditions as given: shared with {@link MergedAggregateSoql}.
     */
    String compose(String partnerScope, List<String> groupedFields, List<String> aggregates, List<String> conditions,
                   boolean pagedByPartner) {
        // Calendar months, never FISCAL_QUARTER(): the plan's own quarters are summed from months, whatever its
        // period and the org's fiscal year (FISCAL_* is refused by orgs with custom fiscal years). A dateTime is
        // placed by its date in the user's time zone, as Salesforce reports place it, not by its UTC date.
        String date = source.dateType() == DateType.DATETIME ? "convertTimezone(" + source.dateField() + ")"
                : source.dateField();
        String year = "CALENDAR_YEAR(" + date + ")";
        String quarter = "CALENDAR_MONTH(" + date + ")";
        List<String> select = new ArrayList<>(List.of(source.partnerField() + " p", year + " y", quarter + " m"));
        List<String> groupBy = new ArrayList<>(List.of(source.partnerField(), year, quarter));
        if (byDay) {
            // "DAY_IN_MONTH(): Returns a number representing the day in the month of a date field" (SOQL and
            // SOSL Reference, "Date Functions"); with year and month it names the day
            select.add("DAY_IN_MONTH(" + date + ") d");
            groupBy.add("DAY_IN_MONTH(" + date + ")");
        }
        for (String grouped : groupedFields) {
            select.add(grouped);
            groupBy.add(grouped.substring(0, grouped.indexOf(' ')));
        }
        select.addAll(aggregates);
        select.add("COUNT(Id) n");

        List<String> where = new ArrayList<>();
        where.add(partnerScope);
        where.addAll(periodConditions());
        where.addAll(conditions);
        StringBuilder soql = new StringBuilder("SELECT ").append(String.join(", ", select))
                .append(" FROM ").append(source.object())
                .append(" WHERE ").append(String.join(" AND ", where))
                .append(" GROUP BY ").append(String.join(", ", groupBy));
        if (pagedByPartner) {
            soql.append(" ORDER BY ").append(source.partnerField()).append(" LIMIT ").append(MAX_AGGREGATE_ROWS);
        }
        return soql.toString();
    }

    private List<String> periodConditions() {
        String date = source.dateField();
        if (source.dateType() == DateType.DATETIME) {
            // Half-open range of the user's days: the whole last day is included, nothing of the next.
            return List.of(date + " >= " + SoqlLiterals.dateTime(periodStart.atStartOfDay(zone).toInstant()),
                    date + " < " + SoqlLiterals.dateTime(periodEnd.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return List.of(date + " >= " + SoqlLiterals.date(periodStart), date + " <= " + SoqlLiterals.date(periodEnd));
    }

    /** One mapping filter as a SOQL condition; shared with other queries built from the mapping. */
    static String condition(FieldFilter filter) {
        if (filter.operator().takesList()) {
            return filter.field() + " " + filter.operator().symbol() + " "
                    + filter.values().stream().map(SoqlLiterals::of).collect(Collectors.joining(", ", "(", ")"));
        }
        return filter.field() + " " + filter.operator().symbol() + " " + SoqlLiterals.of(filter.values().get(0));
    }
}
