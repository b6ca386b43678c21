package org.jbp.plan.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The period a plan covers, both ends inclusive. A fiscal year is named by the calendar year it ends in
 * (FY2027 with a fiscal year starting in April runs from 2026-04-01 to 2027-03-31).
 */
@Embeddable
public class PlanPeriod {

    /** Longest custom period: a plan is agreed for a quarter or a year. */
    public static final int MAX_DAYS = 366;

    @Enumerated(EnumType.STRING)
    @Column(name = "period_kind")
    private PeriodKind kind;
    @Column(name = "fiscal_year")
    private Integer fiscalYear;
    @Column(name = "fiscal_quarter")
    private Integer fiscalQuarter;
    @Column(name = "period_start")
    private LocalDate start;
    @Column(name = "period_end")
    private LocalDate end;

    protected PlanPeriod() {
    }

    private PlanPeriod(PeriodKind kind, Integer fiscalYear, Integer fiscalQuarter, LocalDate start, LocalDate end) {
        this.kind = kind;
        this.fiscalYear = fiscalYear;
        this.fiscalQuarter = fiscalQuarter;
        this.start = Objects.requireNonNull(start);
        this.end = Objects.requireNonNull(end);
    }

    public static PlanPeriod fiscalYear(int year, int startMonth) {
        LocalDate start = fiscalYearStart(year, startMonth);
        return new PlanPeriod(PeriodKind.FISCAL_YEAR, year, null, start, start.plusYears(1).minusDays(1));
    }

    public static PlanPeriod fiscalQuarter(int year, int quarter, int startMonth) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("a quarter is 1 to 4");
        }
        LocalDate start = fiscalYearStart(year, startMonth).plusMonths(3L * (quarter - 1));
        return new PlanPeriod(PeriodKind.FISCAL_QUARTER, year, quarter, start, start.plusMonths(3).minusDays(1));
    }

    public static PlanPeriod custom(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw new IllegalArgumentException("a plan period is at most a year");
        }
        return new PlanPeriod(PeriodKind.CUSTOM, null, null, start, end);
    }

    private static LocalDate fiscalYearStart(int year, int startMonth) {
        if (startMonth < 1 || startMonth > 12) {
            throw new IllegalArgumentException("the fiscal year start month is 1 to 12");
        }
        // named by the year it ends in: with a January start that is the calendar year itself
        return startMonth == 1 ? LocalDate.of(year, 1, 1) : LocalDate.of(year - 1, startMonth, 1);
    }

    /** The quarters of the period, consecutive three-month slices from its start (one for a quarter plan). */
    public List<DateRange> quarters() {
        List<DateRange> quarters = new ArrayList<>();
        LocalDate from = start;
        while (!from.isAfter(end) && quarters.size() < 4) {
            LocalDate to = from.plusMonths(3).minusDays(1);
            quarters.add(new DateRange(from, to.isAfter(end) ? end : to));
            from = to.plusDays(1);
        }
        return quarters;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    /** The same kind of period right after this one (next fiscal year or quarter, or a custom period as long). */
    public PlanPeriod next(int startMonth) {
        return switch (kind) {
            case FISCAL_YEAR -> fiscalYear(fiscalYear + 1, startMonth);
            case FISCAL_QUARTER -> fiscalQuarter == 4 ? fiscalQuarter(fiscalYear + 1, 1, startMonth)
                    : fiscalQuarter(fiscalYear, fiscalQuarter + 1, startMonth);
            case CUSTOM -> custom(end.plusDays(1), end.plusDays(ChronoUnit.DAYS.between(start, end) + 1));
        };
    }

    public String label() {
        return switch (kind) {
            case FISCAL_YEAR -> "FY" + fiscalYear;
            case FISCAL_QUARTER -> "FY" + fiscalYear + " Q" + fiscalQuarter;
            case CUSTOM -> start + " to " + end;
        };
    }

    public PeriodKind kind() {
        return kind;
    }

    public Integer fiscalYear() {
        return fiscalYear;
    }

    public Integer fiscalQuarter() {
        return fiscalQuarter;
    }

    public LocalDate start() {
        return start;
    }

    public LocalDate end() {
        return end;
    }

    /** An inclusive range of days. */
    public record DateRange(LocalDate start, LocalDate end) {
    }
}
