package org.jbp.sfsim.soql;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;

/**
 * Relative date literals (TODAY, THIS_QUARTER, LAST_N_DAYS:30 ...) as inclusive date ranges, in UTC.
 * The fiscal year is the calendar year, the org default.
 */
final class DateLiterals {

    private static final Set<String> FIXED = Set.of("TODAY", "YESTERDAY", "TOMORROW", "LAST_WEEK", "THIS_WEEK",
            "NEXT_WEEK", "LAST_MONTH", "THIS_MONTH", "NEXT_MONTH", "LAST_90_DAYS", "NEXT_90_DAYS", "THIS_QUARTER",
            "LAST_QUARTER", "NEXT_QUARTER", "THIS_YEAR", "LAST_YEAR", "NEXT_YEAR", "THIS_FISCAL_QUARTER",
            "LAST_FISCAL_QUARTER", "NEXT_FISCAL_QUARTER", "THIS_FISCAL_YEAR", "LAST_FISCAL_YEAR", "NEXT_FISCAL_YEAR");
    private static final Set<String> PARAMETERIZED = Set.of("LAST_N_DAYS", "NEXT_N_DAYS", "LAST_N_WEEKS",
            "NEXT_N_WEEKS", "LAST_N_MONTHS", "NEXT_N_MONTHS", "LAST_N_QUARTERS", "NEXT_N_QUARTERS", "LAST_N_YEARS",
            "NEXT_N_YEARS", "N_DAYS_AGO");

    /** An inclusive range of dates. */
    record Range(LocalDate first, LocalDate last) {
    }

    private DateLiterals() {
    }

    static boolean isKnown(String name) {
        return FIXED.contains(name);
    }

    static boolean isParameterized(String name) {
        return PARAMETERIZED.contains(name);
    }

    static Range range(String name, int n, LocalDate today) {
        LocalDate quarterStart = today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        LocalDate weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
        LocalDate monthStart = today.withDayOfMonth(1);
        LocalDate yearStart = today.withDayOfYear(1);
        switch (name) {
            case "TODAY": return new Range(today, today);
            case "YESTERDAY": return new Range(today.minusDays(1), today.minusDays(1));
            case "TOMORROW": return new Range(today.plusDays(1), today.plusDays(1));
            case "LAST_WEEK": return weeks(weekStart.minusWeeks(1), 1);
            case "THIS_WEEK": return weeks(weekStart, 1);
            case "NEXT_WEEK": return weeks(weekStart.plusWeeks(1), 1);
            case "LAST_MONTH": return months(monthStart.minusMonths(1), 1);
            case "THIS_MONTH": return months(monthStart, 1);
            case "NEXT_MONTH": return months(monthStart.plusMonths(1), 1);
            case "LAST_90_DAYS": return new Range(today.minusDays(90), today);
            case "NEXT_90_DAYS": return new Range(today.plusDays(1), today.plusDays(90));
            case "THIS_QUARTER": case "THIS_FISCAL_QUARTER": return months(quarterStart, 3);
            case "LAST_QUARTER": case "LAST_FISCAL_QUARTER": return months(quarterStart.minusMonths(3), 3);
            case "NEXT_QUARTER": case "NEXT_FISCAL_QUARTER": return months(quarterStart.plusMonths(3), 3);
            case "THIS_YEAR": case "THIS_FISCAL_YEAR": return months(yearStart, 12);
            case "LAST_YEAR": case "LAST_FISCAL_YEAR": return months(yearStart.minusYears(1), 12);
            case "NEXT_YEAR": case "NEXT_FISCAL_YEAR": return months(yearStart.plusYears(1), 12);
            case "LAST_N_DAYS": return new Range(today.minusDays(n), today);
            case "NEXT_N_DAYS": return new Range(today.plusDays(1), today.plusDays(n));
            case "N_DAYS_AGO": return new Range(today.minusDays(n), today.minusDays(n));
            case "LAST_N_WEEKS": return weeks(weekStart.minusWeeks(n), n);
            case "NEXT_N_WEEKS": return weeks(weekStart.plusWeeks(1), n);
            case "LAST_N_MONTHS": return months(monthStart.minusMonths(n), n);
            case "NEXT_N_MONTHS": return months(monthStart.plusMonths(1), n);
            case "LAST_N_QUARTERS": return months(quarterStart.minusMonths(3L * n), 3 * n);
            case "NEXT_N_QUARTERS": return months(quarterStart.plusMonths(3), 3 * n);
            case "LAST_N_YEARS": return months(yearStart.minusYears(n), 12 * n);
            case "NEXT_N_YEARS": return months(yearStart.plusYears(1), 12 * n);
            default: throw new IllegalArgumentException(name);
        }
    }

    private static Range weeks(LocalDate start, int count) {
        return new Range(start, start.plusWeeks(count).minusDays(1));
    }

    private static Range months(LocalDate start, int count) {
        return new Range(start, start.plusMonths(count).minusDays(1));
    }
}
