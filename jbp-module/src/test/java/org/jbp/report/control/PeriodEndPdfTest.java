package org.jbp.report.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PeriodEndPdfTest {

    /** The text of each page, spaces of any kind as one plain space. */
    private static String[] pages(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        String[] pages = new String[reader.getNumberOfPages()];
        for (int i = 0; i < pages.length; i++) {
            pages[i] = extractor.getTextFromPage(i + 1).replaceAll("[\\s\\u00a0]+", " ");
        }
        reader.close();
        return pages;
    }

    @Test
    void theFirstPageSummarisesTheYearInTheReadersLocaleWithTheRateUsed() throws IOException {
        String first = pages(PeriodEndPdf.of(SampleReports.closed(), new ReportFormat(Locale.GERMANY, "EUR")))[0];
        assertTrue(first.contains("Period-end report: FY2026 joint business plan"), first);
        assertTrue(first.contains("Acme Cloud GmbH"), first);
        assertTrue(first.contains("104,2 % of plan on average across 3 measures"), first);
        assertTrue(first.contains("Closed revenue: 900.000,00 € of 1.200.000,00 € planned (75 %)"), first);
        assertTrue(first.contains("Vendor commitments kept: 2 of 4"), first);
        assertTrue(first.contains("accepted by Pat Partner"), first);
        assertTrue(first.contains("Cost per lead: 40,00 € against 50,00 € planned (20 % under)"), first);
        assertTrue(first.contains("from the org's corporate currency USD into EUR at 0,92"), first);
    }

    @Test
    void noRawIdNanosecondOrUnitConstantReachesTheReader() throws IOException {
        String all = String.join(" ", pages(PeriodEndPdf.of(SampleReports.closed(), new ReportFormat(Locale.US, "EUR"))));
        assertFalse(all.contains(SampleReports.PARTNER_ID), all);
        assertFalse(all.contains(SampleReports.CAM), all);
        assertFalse(all.contains("CURRENCY"), all);
        assertFalse(all.contains("123456789"), all);
        assertTrue(all.contains("Victoria Price") && all.contains("Within the regional budget"), all);
        assertTrue(all.contains("Casey Manager") && all.contains("Run a second webinar"), all);
    }

    @Test
    void someoneTheDirectoryCannotNameIsSaidSoRatherThanShownAsAnId() throws IOException {
        PeriodEndReport named = SampleReports.closed();
        PeriodEndReport unnamed = named.withHistory(named.approvals(), named.currencyConversion(), named.burnUps(),
                java.util.Map.of());
        String all = String.join(" ", pages(PeriodEndPdf.of(unnamed, new ReportFormat(Locale.US, "EUR"))));
        assertFalse(all.contains("005000000000"), all);
        assertTrue(all.contains("accepted by a user Salesforce has not named yet"), all);
    }

    @Test
    void eachBurnUpComesWithItsFiguresAsATable() throws IOException {
        String all = String.join(" ", pages(PeriodEndPdf.of(SampleReports.closed(), new ReportFormat(Locale.US, "EUR"))));
        assertTrue(all.contains("Burn-up: Closed revenue"), all);
        // the extractor writes a table's cells without spaces between them
        assertTrue(all.contains("Figures of the burn-up of Closed revenue"), all);
        assertTrue(all.contains("Date Actual Planned paceProjection"), all);
        assertTrue(all.contains("Mar 15, 2026€250,000.00"), all);
        assertTrue(all.contains("Dec 31, 2026€1,200,000.00"), all);
    }

    @Test
    void aFigureTheRevenueSectionTargetsAndAKpiMeasuresIsShownOnce() throws IOException {
        PeriodEndReport report = SampleReports.closed(java.util.List.of(
                PeriodEndReport.Line.of("closedRevenue", "Closed revenue", "CURRENCY", new java.math.BigDecimal("1200000"),
                        new java.math.BigDecimal("900000")),
                PeriodEndReport.Line.of("pipeline", "Pipeline", "CURRENCY", new java.math.BigDecimal("4000000"),
                        new java.math.BigDecimal("3500000"))));
        String all = String.join(" ", pages(PeriodEndPdf.of(report, new ReportFormat(Locale.US, "EUR"))));
        String details = all.substring(all.lastIndexOf("KPIs"));
        assertTrue(details.contains("Revenue and pipeline targets"), details);
        assertTrue(details.contains("Pipeline"), details);
        // closed revenue is the revenue_won KPI's row, not a second one under the revenue targets
        assertTrue(details.indexOf("Closed revenue") == details.lastIndexOf("Closed revenue"), details);
    }

    @Test
    void aKpiItsTemplateNamesOtherwiseStillCarriesTheRevenueFigureOnce() throws IOException {
        // the template keys the KPI "closed_revenue"; what it measures is the CRM's revenue_won
        PeriodEndReport.Line renamed = PeriodEndReport.Line.of("closed_revenue", "Closed revenue (won)", "CURRENCY",
                new java.math.BigDecimal("1200000"), new java.math.BigDecimal("900000")).measuring("revenue_won");
        PeriodEndReport report = SampleReports.closed(renamed, java.util.List.of(
                PeriodEndReport.Line.of("closedRevenue", "Closed revenue", "CURRENCY", new java.math.BigDecimal("1200000"),
                        new java.math.BigDecimal("900000"))));
        String all = String.join(" ", pages(PeriodEndPdf.of(report, new ReportFormat(Locale.US, "EUR"))));
        String details = all.substring(all.lastIndexOf("KPIs"));
        assertTrue(details.contains("Closed revenue (won)"), details);
        assertEquals(1, details.split("Closed revenue", -1).length - 1,
                "no second closed-revenue row under the revenue targets: " + details);
    }

    @Test
    void aCommitmentWithNothingDeliveredSaysWhatWasPromisedOnce() throws IOException {
        String first = pages(PeriodEndPdf.of(SampleReports.closed(), new ReportFormat(Locale.US, "EUR")))[0];
        assertTrue(first.contains("Pre-sales availability hours: 120 h promised; delivery not recorded"), first);
        assertTrue(first.contains("MDF budget: €40,000.00 delivered of €50,000.00 promised — short"), first);
        assertFalse(first.contains("nothing recorded"), first);
    }
}
