package org.jbp.crm;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * Which KPI facts to compute: source keys from the KPI mapping, a partner scope and an inclusive period.
 * Build it with {@link #forPartners} or {@link #forAllPartners}, so "all partners" is never an accident of an empty set.
 *
 * @param partnerIds  the partners to aggregate for; empty when {@code allPartners}
 * @param periodStart first day of the period, inclusive
 * @param periodEnd   last day of the period, inclusive
 * @param byDay       facts per day instead of per month ({@link KpiFact#day()}): for plans whose quarters start or
 *                    end inside a month, which a monthly fact cannot be divided between; about 30 times the rows
 */
public record KpiFactQuery(Set<String> sourceKeys, Set<String> partnerIds, boolean allPartners,
                           LocalDate periodStart, LocalDate periodEnd, boolean byDay) {

    public KpiFactQuery(Set<String> sourceKeys, Set<String> partnerIds, boolean allPartners, LocalDate periodStart,
                        LocalDate periodEnd) {
        this(sourceKeys, partnerIds, allPartners, periodStart, periodEnd, false);
    }

    public KpiFactQuery {
        sourceKeys = Set.copyOf(sourceKeys);
        partnerIds = Set.copyOf(partnerIds);
        Objects.requireNonNull(periodStart, "Period start is required.");
        Objects.requireNonNull(periodEnd, "Period end is required.");
        if (sourceKeys.isEmpty()) {
            throw new IllegalArgumentException("At least one KPI source key is required.");
        }
        if (periodEnd.isBefore(periodStart)) {
            throw new IllegalArgumentException("Period end " + periodEnd + " is before its start " + periodStart);
        }
        if (allPartners && !partnerIds.isEmpty()) {
            throw new IllegalArgumentException("Either all partners or a list of partner ids, not both.");
        }
    }

    public static KpiFactQuery forPartners(Set<String> sourceKeys, Set<String> partnerIds,
                                           LocalDate periodStart, LocalDate periodEnd) {
        return new KpiFactQuery(sourceKeys, partnerIds, false, periodStart, periodEnd);
    }

    public static KpiFactQuery forAllPartners(Set<String> sourceKeys, LocalDate periodStart, LocalDate periodEnd) {
        return new KpiFactQuery(sourceKeys, Set.of(), true, periodStart, periodEnd);
    }

    /** The same query, answered per day. */
    public KpiFactQuery perDay() {
        return new KpiFactQuery(sourceKeys, partnerIds, allPartners, periodStart, periodEnd, true);
    }

    /** Rows one partner and breakdown value may give: the period's months, or its days when asked by day. */
    public int groupsPerPartner() {
        return byDay ? (int) java.time.temporal.ChronoUnit.DAYS.between(periodStart, periodEnd) + 1 : monthCount();
    }

    /** Months the period touches; the aggregation returns at most this many rows per partner and breakdown value. */
    public int monthCount() {
        return (periodEnd.getYear() - periodStart.getYear()) * 12 + periodEnd.getMonthValue()
                - periodStart.getMonthValue() + 1;
    }
}
