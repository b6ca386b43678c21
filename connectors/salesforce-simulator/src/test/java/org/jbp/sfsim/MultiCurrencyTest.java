package org.jbp.sfsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sforce.soap.partner.Field;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Single- and multi-currency orgs as WSC sees them. */
class MultiCurrencyTest extends SimulatedOrgTest {



    private static boolean hasCurrencyField(PartnerConnection c) throws Exception {
        return Arrays.stream(c.describeSObject("Opportunity").getFields()).map(Field::getName)
                .anyMatch("CurrencyIsoCode"::equals);
    }

    @Test
    void aSingleCurrencyOrgHasNoCurrencyIsoCode() throws Exception {
        PartnerConnection c = connect();
        assertFalse(hasCurrencyField(c));
        assertFalse(c.getUserInfo().isOrganizationMultiCurrency());
        assertThrows(InvalidFieldFault.class, () -> c.query("SELECT CurrencyIsoCode FROM Opportunity"));
    }

    @Test
    void aMultiCurrencyOrgAggregatesInTheCorporateCurrencyAndKeepsEachRecordsOwn() throws Exception {
        sim.org().multiCurrency("USD", Map.of("EUR", 0.5, "JPY", 150.0));
        String partner = sim.org().insert("Account", Map.of("Name", "Acme", "IsPartner", true));
        sim.org().insert("Opportunity", Map.of("Name", "Euro deal", "PartnerAccountId", partner, "StageName", "Closed Won",
                "CloseDate", LocalDate.of(2026, 5, 1), "Amount", new BigDecimal("100"), "CurrencyIsoCode", "EUR"));
        sim.org().insert("Opportunity", Map.of("Name", "Dollar deal", "PartnerAccountId", partner, "StageName", "Closed Won",
                "CloseDate", LocalDate.of(2026, 5, 2), "Amount", new BigDecimal("100")));
        PartnerConnection c = connect();
        assertTrue(hasCurrencyField(c));
        assertTrue(c.getUserInfo().isOrganizationMultiCurrency());

        QueryResult sum = c.query("SELECT PartnerAccountId p, SUM(Amount) v FROM Opportunity GROUP BY PartnerAccountId");
        assertEquals(300.0, Double.parseDouble(String.valueOf(sum.getRecords()[0].getField("v"))), 0.001,
                "EUR 100 at 0.5 per USD is USD 200, plus USD 100");
        QueryResult rows = c.query("SELECT Amount, CurrencyIsoCode FROM Opportunity WHERE Name = 'Euro deal'");
        assertEquals("EUR", rows.getRecords()[0].getField("CurrencyIsoCode"));
        assertEquals(100.0, Double.parseDouble(String.valueOf(rows.getRecords()[0].getField("Amount"))), 0.001,
                "a record keeps its own currency");
        assertEquals("USD", c.query("SELECT CurrencyIsoCode FROM Opportunity WHERE Name = 'Dollar deal'")
                .getRecords()[0].getField("CurrencyIsoCode"), "a record without a currency gets the corporate one");
        QueryResult corporate = c.query("SELECT IsoCode, ConversionRate FROM CurrencyType WHERE IsCorporate = true");
        assertEquals("USD", corporate.getRecords()[0].getField("IsoCode"));
    }

    @Test
    void datedRatesChainTheirNextStartDates() {
        sim.org().multiCurrency("USD", Map.of("EUR", 0.9));
        sim.org().datedRate("EUR", LocalDate.of(2026, 1, 1), 0.9).datedRate("EUR", LocalDate.of(2026, 7, 1), 0.8);
        var rates = sim.org().query("SELECT StartDate, NextStartDate, ConversionRate FROM DatedConversionRate "
                + "WHERE IsoCode = 'EUR' ORDER BY StartDate");
        assertEquals(LocalDate.of(1900, 1, 1), rates.get(0).get("StartDate"), "enabling seeds the CurrencyType rate");
        assertEquals(LocalDate.of(2026, 1, 1), rates.get(0).get("NextStartDate"));
        assertEquals(LocalDate.of(2026, 7, 1), rates.get(1).get("NextStartDate"));
        assertEquals(LocalDate.of(9999, 12, 31), rates.get(2).get("NextStartDate"));
    }

    @Test
    void currencyObjectsExistOnlyWhereTheOrgHasTheFeature() throws Exception {
        PartnerConnection single = connect();
        assertThrows(com.sforce.soap.partner.fault.InvalidSObjectFault.class,
                () -> single.query("SELECT IsoCode FROM CurrencyType"), "no CurrencyType in a single-currency org");
        sim.org().multiCurrency("USD", Map.of("EUR", 0.9));
        PartnerConnection multi = connect();
        assertEquals(2, multi.query("SELECT IsoCode FROM CurrencyType").getSize());
        assertThrows(com.sforce.soap.partner.fault.InvalidSObjectFault.class,
                () -> multi.query("SELECT IsoCode FROM DatedConversionRate"), "not without advanced currency management");
    }

    @Test
    void withAdvancedCurrencyManagementOpportunityAggregatesUseTheRateOfTheirCloseDate() throws Exception {
        sim.org().multiCurrency("USD", Map.of("EUR", 0.5));
        sim.org().datedRate("EUR", LocalDate.of(2026, 6, 1), 0.8);
        String partner = sim.org().insert("Account", Map.of("Name", "Acme", "IsPartner", true));
        sim.org().insert("Opportunity", Map.of("Name", "May", "PartnerAccountId", partner, "StageName", "Closed Won",
                "CloseDate", LocalDate.of(2026, 5, 31), "Amount", new BigDecimal("100"), "CurrencyIsoCode", "EUR"));
        sim.org().insert("Opportunity", Map.of("Name", "June", "PartnerAccountId", partner, "StageName", "Closed Won",
                "CloseDate", LocalDate.of(2026, 6, 1), "Amount", new BigDecimal("100"), "CurrencyIsoCode", "EUR"));
        QueryResult months = connect().query("SELECT CALENDAR_MONTH(CloseDate) m, SUM(Amount) v FROM Opportunity "
                + "GROUP BY CALENDAR_MONTH(CloseDate) ORDER BY CALENDAR_MONTH(CloseDate)");
        assertEquals(200.0, Double.parseDouble(String.valueOf(months.getRecords()[0].getField("v"))), 0.001,
                "May at the seeded rate 0.5");
        assertEquals(125.0, Double.parseDouble(String.valueOf(months.getRecords()[1].getField("v"))), 0.001,
                "June at the dated rate 0.8 from June 1st");
    }
}
