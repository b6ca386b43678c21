package org.jbp.report.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportFormatTest {

    @Test
    void moneyIsInThePlansCurrencyWithTheReadersSeparators() {
        BigDecimal amount = new BigDecimal("1200000");
        assertEquals("1.200.000,00\u00a0€", new ReportFormat(Locale.GERMANY, "EUR").money(amount));
        assertEquals("€1,200,000.00", new ReportFormat(Locale.US, "EUR").money(amount));
        assertEquals("¥1,200,000", new ReportFormat(Locale.US, "JPY").money(amount), "yen have no minor unit");
    }

    @Test
    void narrowSpacesTheStandardPdfFontsLackBecomeNoBreakSpaces() {
        String french = new ReportFormat(Locale.FRANCE, "EUR").money(new BigDecimal("1200000"));
        assertEquals("1\u00a0200\u00a0000,00\u00a0€", french);
    }

    @Test
    void theReadersFirstKnownLanguageWinsThenTheOrgsThenOneThatPaysInThePlansCurrency() {
        assertEquals(Locale.GERMANY, ReportFormat.localeFor(List.of(new Locale("*"), Locale.GERMANY),
                Optional.of("en-US"), "EUR"));
        assertEquals(Locale.forLanguageTag("fr-CH"), ReportFormat.localeFor(List.of(new Locale("*")),
                Optional.of("fr-CH"), "CHF"));
        assertEquals(new Locale("en", "GB"), ReportFormat.localeFor(List.of(), Optional.empty(), "GBP"));
        assertEquals(Locale.US, ReportFormat.localeFor(List.of(), Optional.empty(), "USD"));
        assertEquals(new Locale("en", "IE"), ReportFormat.localeFor(List.of(), Optional.empty(), "EUR"));
    }

    @Test
    void datesAndMomentsAreWordsOfTheLocaleToTheMinuteInUtc() {
        ReportFormat us = new ReportFormat(Locale.US, "USD");
        assertEquals("Apr 2, 2026", us.date(LocalDate.of(2026, 4, 2)));
        assertEquals("02.04.2026, 09:15 UTC", new ReportFormat(Locale.GERMANY, "EUR")
                .moment(Instant.parse("2026-04-02T09:15:30.123456789Z")));
    }

    @Test
    void figuresFollowTheirUnit() {
        ReportFormat us = new ReportFormat(Locale.US, "USD");
        assertEquals("92.5%", us.value(new BigDecimal("92.5"), "PERCENT"));
        assertEquals("1,234", us.value(new BigDecimal("1234"), "COUNT"));
        assertEquals("160 h", us.value("160", "HOURS"));
        assertEquals("Two QBRs attended", us.value("Two QBRs attended", null));
    }
}
