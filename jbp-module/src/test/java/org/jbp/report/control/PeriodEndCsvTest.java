package org.jbp.report.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodEndCsvTest {

    private final String csv = PeriodEndCsv.of(SampleReports.closed());
    private final List<String> rows = List.of(csv.split("\r\n"));

    @Test
    void moneyRowsCarryPlainNumbersAndTheCurrencyInItsOwnColumn() {
        assertEquals(PeriodEndCsv.HEADER.strip(), rows.get(0));
        assertTrue(rows.contains("\"kpi\",\"revenue_won\",\"Closed revenue\",\"CURRENCY\",\"1200000\",\"900000\","
                + "\"-300000\",\"-25\",\"EUR\""), csv);
        assertTrue(rows.contains("\"kpi\",\"co_sell\",\"Co-sell engagements\",\"COUNT\",\"16\",\"18\",\"2\",\"12.5\",\"\""),
                "a count has no currency: " + csv);
    }

    @Test
    void momentsAreIsoToTheSecondAndPeopleAreNamedBesideTheirDecisions() {
        assertTrue(rows.contains("\"review\",\"2026-04-01\",\"Review held\",\"\",\"Casey Manager\","
                + "\"2026-04-02T09:15:30Z\",\"\",\"\",\"\""), csv);
        assertTrue(rows.contains("\"approval\",\"APPROVAL\",\"VP sales\",\"APPROVED\",\"Victoria Price\","
                + "\"2026-01-06T16:30:00Z\",\"Within the regional budget\",\"\",\"\""), csv);
        assertTrue(rows.contains("\"currency-conversion\",\"USD/EUR\",\"Rate used for money actuals\",\"\",\"0.92\","
                + "\"2026-12-30T02:00:00Z\",\"\",\"\",\"EUR\""), csv);
    }

    @Test
    void aCellThatWouldRunAsASpreadsheetFormulaIsDefused() {
        assertEquals("\"'=HYPERLINK(1)\",\"-12.5\"\r\n", PeriodEndCsv.cells("=HYPERLINK(1)", "-12.5"));
    }
}
