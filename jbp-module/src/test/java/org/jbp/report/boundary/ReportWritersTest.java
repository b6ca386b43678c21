package org.jbp.report.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jbp.report.control.PeriodEndReport;
import org.junit.jupiter.api.Test;

class ReportWritersTest {

    private static PeriodEndReport report() {
        return new PeriodEndReport(java.util.UUID.randomUUID().toString(), "Plan", "001000000000042AAA", "Acme", "FY2026 H1",
                java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 6, 30), "EUR", "ACTIVE",
                java.time.Instant.parse("2026-03-01T10:00:00Z"), true, List.of(), List.of(), List.of(), null,
                List.of(), null, List.of(), null, null, null, null, null);
    }

    @Test
    void writersTakeOnlyReportsAndNameTheDownloadAfterThePeriod() throws IOException {
        ReportCsvWriter csv = new ReportCsvWriter();
        assertTrue(csv.isWriteable(PeriodEndReport.class, null, null, null));
        assertFalse(csv.isWriteable(String.class, null, null, null));
        var headers = new MultivaluedHashMap<String, Object>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        csv.writeTo(report(), PeriodEndReport.class, null, null, null, headers, out);
        assertEquals("attachment; filename=\"jbp-report-FY2026-H1.csv\"", headers.getFirst("Content-Disposition"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("section,key,label,unit,planned"));
    }

    @Test
    void thePdfIsWrittenInTheReadersLanguageAndSaysWhichOne() throws IOException {
        ReportPdfWriter pdf = new ReportPdfWriter() {
            @Override
            java.util.Optional<String> orgLocale() {
                return java.util.Optional.of("en-US");
            }
        };
        pdf.request = (HttpHeaders) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{HttpHeaders.class},
                (proxy, method, args) -> method.getName().equals("getAcceptableLanguages")
                        ? List.of(Locale.forLanguageTag("de-AT")) : null);
        var headers = new MultivaluedHashMap<String, Object>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.writeTo(report(), PeriodEndReport.class, null, null, null, headers, out);
        assertEquals("de-AT", headers.getFirst("Content-Language"));
        assertEquals("attachment; filename=\"jbp-report-FY2026-H1.pdf\"", headers.getFirst("Content-Disposition"));
        assertTrue(out.toString(StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
    }
}
