package org.jbp.sfsim.soql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jbp.sfsim.Org;
import org.jbp.sfsim.store.ApiFaultException;
import org.junit.jupiter.api.Test;

/** FISCAL_* functions follow the Organization's fiscal settings; convertTimezone() groups in the user's zone. */
class FiscalAndTimeZoneTest {

    @Test
    void fiscalFunctionsFollowTheStartMonthAndNamingOfTheFiscalYear() {
        Org org = Org.create().fiscalYear(4, false);
        org.insert("Opportunity", Map.of("Name", "March", "StageName", "Prospecting", "CloseDate", LocalDate.of(2026, 3, 31)));
        org.insert("Opportunity", Map.of("Name", "April", "StageName", "Prospecting", "CloseDate", LocalDate.of(2026, 4, 1)));
        List<Map<String, Object>> rows = org.query("SELECT FISCAL_YEAR(CloseDate) y, FISCAL_QUARTER(CloseDate) q, "
                + "CALENDAR_QUARTER(CloseDate) c, COUNT(Id) n FROM Opportunity GROUP BY FISCAL_YEAR(CloseDate), "
                + "FISCAL_QUARTER(CloseDate), CALENDAR_QUARTER(CloseDate) ORDER BY FISCAL_YEAR(CloseDate)");
        assertEquals(List.of(2026, 4, 1), List.of(rows.get(0).get("y"), rows.get(0).get("q"), rows.get(0).get("c")),
                "March 2026 ends fiscal 2026, named by its end year");
        assertEquals(List.of(2027, 1, 2), List.of(rows.get(1).get("y"), rows.get(1).get("q"), rows.get(1).get("c")));
        assertEquals(Map.of("FiscalYearStartMonth", 4, "UsesStartDateAsFiscalYearName", false),
                org.query("SELECT FiscalYearStartMonth, UsesStartDateAsFiscalYearName FROM Organization").get(0));

        org.fiscalYear(4, true);
        assertEquals(2026, org.query("SELECT FISCAL_YEAR(CloseDate) y FROM Opportunity WHERE Name = 'April' "
                + "GROUP BY FISCAL_YEAR(CloseDate)").get(0).get("y"), "named by its start year");
    }

    @Test
    void customFiscalYearsRefuseFiscalFunctions() {
        Org org = Org.create().customFiscalYears();
        ApiFaultException e = assertThrows(ApiFaultException.class, () -> org.query(
                "SELECT FISCAL_QUARTER(CloseDate) q, COUNT(Id) n FROM Opportunity GROUP BY FISCAL_QUARTER(CloseDate)"));
        assertTrue(e.getMessage().contains("custom fiscal years"), e.getMessage());
        assertEquals(0, org.query("SELECT CALENDAR_MONTH(CloseDate) m, COUNT(Id) n FROM Opportunity "
                + "GROUP BY CALENDAR_MONTH(CloseDate)").size(), "calendar functions still work");
    }

    @Test
    void dateTimesGroupInUtcUnlessConvertedToTheUsersTimeZone() {
        Org org = Org.create().timeZone("Asia/Tokyo");
        // 20:00 UTC on 31 March is 05:00 on 1 April in Tokyo
        org.insert("Opportunity", Map.of("Name", "Late", "StageName", "Prospecting", "CloseDate", LocalDate.of(2026, 4, 1),
                "CreatedDate", Instant.parse("2026-03-31T20:00:00Z")));
        Map<String, Object> row = org.query("SELECT CALENDAR_MONTH(CreatedDate) utc, "
                + "CALENDAR_MONTH(convertTimezone(CreatedDate)) local, COUNT(Id) n FROM Opportunity "
                + "GROUP BY CALENDAR_MONTH(CreatedDate), CALENDAR_MONTH(convertTimezone(CreatedDate))").get(0);
        assertEquals(3, row.get("utc"));
        assertEquals(4, row.get("local"));
        assertEquals("Asia/Tokyo", org.query("SELECT TimeZoneSidKey FROM Organization").get(0).get("TimeZoneSidKey"));
        assertThrows(ApiFaultException.class, () -> org.query("SELECT SUM(convertTimezone(CreatedDate)) FROM Opportunity"),
                "convertTimezone() only inside a date function");
    }
}
