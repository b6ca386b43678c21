package org.jbp.crm;

import java.time.LocalDate;

/** A calendar or fiscal quarter, whichever the KPI mapping aggregates by. */
public record Quarter(int year, int quarter) implements Comparable<Quarter> {
    public Quarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("Quarter must be 1-4, was " + quarter);
        }
    }

    /** The calendar quarter that contains {@code day}. */
    public static Quarter containing(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    public Quarter next() {
        return quarter == 4 ? new Quarter(year + 1, 1) : new Quarter(year, quarter + 1);
    }

    /** Number of calendar quarters touched by the inclusive period, at least 1. */
    public static int countBetween(LocalDate firstDay, LocalDate lastDay) {
        Quarter first = containing(firstDay);
        Quarter last = containing(lastDay);
        return (last.year - first.year) * 4 + (last.quarter - first.quarter) + 1;
    }

    @Override
    public int compareTo(Quarter other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(quarter, other.quarter);
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
