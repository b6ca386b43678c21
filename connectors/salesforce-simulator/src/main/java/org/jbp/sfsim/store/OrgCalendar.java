package org.jbp.sfsim.store;

import java.time.LocalDate;

/**
 * The org's fiscal year settings, as the Organization object reports them (Object Reference, Organization:
 * FiscalYearStartMonth, UsesStartDateAsFiscalYearName). With a standard fiscal year starting in April and
 * UsesStartDateAsFiscalYearName false, April 2026 to March 2027 is fiscal year 2027 (named by the year it ends in).
 *
 * @param customFiscalYears FISCAL_* date functions are refused, as they are in orgs with custom fiscal years
 */
public record OrgCalendar(int fiscalYearStartMonth, boolean usesStartDateAsFiscalYearName, boolean customFiscalYears) {

    public static final OrgCalendar CALENDAR_YEAR = new OrgCalendar(1, false, false);

    public OrgCalendar {
        if (fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
            throw new IllegalArgumentException("fiscal year start month must be 1-12: " + fiscalYearStartMonth);
        }
    }

    public int fiscalYear(LocalDate day) {
        int startYear = day.getMonthValue() >= fiscalYearStartMonth ? day.getYear() : day.getYear() - 1;
        return fiscalYearStartMonth == 1 || usesStartDateAsFiscalYearName ? startYear : startYear + 1;
    }

    public int fiscalQuarter(LocalDate day) {
        int monthsIn = Math.floorMod(day.getMonthValue() - fiscalYearStartMonth, 12);
        return monthsIn / 3 + 1;
    }
}
