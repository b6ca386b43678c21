package org.jbp.sfsim.soql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jbp.sfsim.Org;
import org.jbp.sfsim.store.ApiFaultException;
import org.jbp.sfsim.store.FaultKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SoqlTest {

    /** 2025-05-20: Q2 2025, so THIS_QUARTER is April–June and LAST_QUARTER January–March. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-20T10:00:00Z"), ZoneOffset.UTC);

    private Org org;
    private String acme;
    private String globex;

    @BeforeEach
    void seed() {
        org = new Org(CLOCK, "Test", "admin@jbp.demo");
        acme = org.insert("Account", Map.of("Name", "Acme", "IsPartner", true, "Partner_Tier__c", "Gold"));
        globex = org.insert("Account", Map.of("Name", "Globex", "IsPartner", true, "Partner_Tier__c", "Silver"));
        org.insert("Account", Map.of("Name", "O'Brien \\ Sons", "IsPartner", false));
        opp("A1", acme, 100, "Closed Won", LocalDate.of(2025, 1, 10));
        opp("A2", acme, 200, "Closed Won", LocalDate.of(2025, 4, 10));
        opp("A3", acme, 300, "Prospecting", LocalDate.of(2025, 6, 30));
        opp("G1", globex, 50, "Closed Lost", LocalDate.of(2024, 12, 31));
        opp("G2", globex, 70, "Closed Won", LocalDate.of(2025, 5, 19));
    }

    private void opp(String name, String partner, double amount, String stage, LocalDate close) {
        org.insert("Opportunity", Map.of("Name", name, "PartnerAccountId", partner, "Amount", amount,
                "StageName", stage, "CloseDate", close, "CreatedDate", close.minusDays(30).atStartOfDay(ZoneOffset.UTC)
                        .toInstant()));
    }

    private List<String> names(String soql) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> row : org.query(soql)) {
            out.add((String) row.get("Name"));
        }
        return out;
    }

    @Test
    void whereCombinesAndOrNotWithParentheses() {
        assertEquals(List.of("A1", "A2", "G2"), names("SELECT Name FROM Opportunity WHERE IsWon = true ORDER BY Name"));
        assertEquals(List.of("A3", "G1"), names("SELECT Name FROM Opportunity WHERE NOT (IsWon = true) ORDER BY Name"));
        assertEquals(List.of("A2", "A3", "G2"), names("SELECT Name FROM Opportunity WHERE (Amount > 150 AND "
                + "PartnerAccountId = '" + acme + "') OR (Name LIKE 'g%' AND Amount >= 70) ORDER BY Name"));
        assertEquals(List.of("G1", "G2"), names("SELECT Name FROM Opportunity WHERE PartnerAccount.Name IN "
                + "('globex', 'Nobody') ORDER BY Name"));
        assertEquals(List.of("A1", "A2", "A3"), names("SELECT Name FROM Opportunity WHERE Name NOT IN ('G1','G2') "
                + "ORDER BY Name ASC NULLS LAST"));
    }

    @Test
    void mixingAndWithOrWithoutParenthesesIsMalformed() {
        ApiFaultException e = assertThrows(ApiFaultException.class, () -> org.query(
                "SELECT Name FROM Opportunity WHERE Amount > 1 AND Amount < 5 OR Name = 'x'"));
        assertEquals("MALFORMED_QUERY", e.exceptionCode());
        assertEquals(1, e.row());
        assertEquals(62, e.column(), "at the OR");
    }

    @Test
    void injectionAttemptsStayLiterals() {
        assertEquals(List.of(), names("SELECT Name FROM Account WHERE Name = 'x\\' OR Name != \\''"));
        assertEquals(List.of(), names("SELECT Name FROM Account WHERE Name = 'Acme\\' OR IsPartner = true OR "
                + "Name = \\'x'"));
        assertEquals(List.of("O'Brien \\ Sons"), names("SELECT Name FROM Account WHERE Name = 'O\\'Brien \\\\ Sons'"));
        assertEquals(List.of(), names("SELECT Name FROM Account WHERE Name LIKE 'Ac\\%'"));
        assertEquals(List.of("Acme"), names("SELECT Name FROM Account WHERE Name LIKE 'Ac%'"));
        ApiFaultException unbalanced = assertThrows(ApiFaultException.class,
                () -> org.query("SELECT Name FROM Account WHERE Name = 'x' OR Name = 'y''"));
        assertEquals("MALFORMED_QUERY", unbalanced.exceptionCode());
        ApiFaultException badEscape = assertThrows(ApiFaultException.class,
                () -> org.query("SELECT Name FROM Account WHERE Name = '\\x'"));
        assertEquals("MALFORMED_QUERY", badEscape.exceptionCode());
    }

    @Test
    void relativeDateLiteralsFollowTheClock() {
        assertEquals(List.of("A2", "A3", "G2"), names("SELECT Name FROM Opportunity WHERE CloseDate = THIS_QUARTER "
                + "ORDER BY Name"));
        assertEquals(List.of("A1"), names("SELECT Name FROM Opportunity WHERE CloseDate = LAST_QUARTER"));
        assertEquals(List.of("G1"), names("SELECT Name FROM Opportunity WHERE CloseDate < THIS_YEAR"));
        assertEquals(List.of("G2"), names("SELECT Name FROM Opportunity WHERE CloseDate = YESTERDAY"));
        assertEquals(List.of("A2", "G2"), names("SELECT Name FROM Opportunity WHERE CloseDate = LAST_N_DAYS:45 "
                + "ORDER BY Name"));
        assertEquals(List.of("A3"), names("SELECT Name FROM Opportunity WHERE CloseDate = NEXT_N_DAYS:60"));
        assertEquals(List.of("A2", "A3", "G2"), names("SELECT Name FROM Opportunity WHERE CreatedDate = "
                + "THIS_FISCAL_YEAR ORDER BY Name"));
        assertEquals(List.of("A1"), names("SELECT Name FROM Opportunity WHERE CloseDate >= 2025-01-01 AND "
                + "CloseDate < 2025-02-01"));
        assertEquals(List.of("G1"), names("SELECT Name FROM Opportunity WHERE CreatedDate < 2024-12-02T00:00:00Z"));
    }

    @Test
    void groupByWithDateFunctionsAliasesAndTypedAggregates() {
        List<Map<String, Object>> rows = org.query("SELECT PartnerAccountId, CALENDAR_YEAR(CloseDate) y, "
                + "CALENDAR_QUARTER(CloseDate) q, SUM(Amount) total, COUNT(Id), COUNT_DISTINCT(StageName), "
                + "MAX(CloseDate) FROM Opportunity GROUP BY PartnerAccountId, CALENDAR_YEAR(CloseDate), "
                + "CALENDAR_QUARTER(CloseDate) ORDER BY SUM(Amount) DESC");
        assertEquals(4, rows.size());
        Map<String, Object> top = rows.get(0);
        assertEquals(acme, top.get("PartnerAccountId"));
        assertEquals(2025, top.get("y"));
        assertEquals(2, top.get("q"));
        assertEquals(500.0, top.get("total"));
        assertEquals(2, top.get("expr0"));
        assertEquals(2, top.get("expr1"));
        assertEquals(LocalDate.of(2025, 6, 30), top.get("expr2"));
        assertEquals(Map.of("count", 5), org.query("SELECT COUNT() FROM Opportunity").get(0));
    }

    @Test
    void aggregateColumnsCarryXsdTypes() {
        CompiledQuery q = org.queryEngine().compile("SELECT Partner_Tier__c, SUM(AnnualRevenue), COUNT(Id) "
                + "FROM Account GROUP BY Partner_Tier__c");
        assertEquals(List.of(new AggregateColumn("Partner_Tier__c", "xsd:string"),
                new AggregateColumn("expr0", "xsd:double"), new AggregateColumn("expr1", "xsd:int")),
                q.aggregateColumns());
    }

    @Test
    void ungroupedFieldInAggregateQueryIsMalformed() {
        ApiFaultException e = assertThrows(ApiFaultException.class,
                () -> org.query("SELECT Name, SUM(Amount) FROM Opportunity"));
        assertEquals("MALFORMED_QUERY", e.exceptionCode());
        assertTrue(e.getMessage().contains("Field must be grouped or aggregated: Name"));
    }

    @Test
    void unknownFieldsAndObjectsAreReportedWithRowAndColumn() {
        ApiFaultException field = assertThrows(ApiFaultException.class,
                () -> org.query("SELECT Id,\n  Foo FROM Account"));
        assertEquals("INVALID_FIELD", field.exceptionCode());
        assertEquals(FaultKind.INVALID_FIELD, field.kind());
        assertEquals(2, field.row());
        assertEquals(3, field.column());
        assertTrue(field.getMessage().contains("No such column 'Foo' on entity 'Account'"));
        assertTrue(field.getMessage().contains("ERROR at Row:2:Column:3"));

        ApiFaultException type = assertThrows(ApiFaultException.class, () -> org.query("SELECT Id FROM Acount"));
        assertEquals("INVALID_TYPE", type.exceptionCode());
        assertEquals(16, type.column());

        ApiFaultException rel = assertThrows(ApiFaultException.class,
                () -> org.query("SELECT Partner.Name FROM Opportunity"));
        assertEquals("INVALID_FIELD", rel.exceptionCode());
        assertTrue(rel.getMessage().contains("Didn't understand relationship 'Partner'"));
    }

    @Test
    void literalsMustMatchTheFieldType() {
        ApiFaultException quotedBoolean = assertThrows(ApiFaultException.class,
                () -> org.query("SELECT Id FROM Opportunity WHERE IsWon = 'true'"));
        assertEquals("INVALID_FIELD", quotedBoolean.exceptionCode());
        assertTrue(quotedBoolean.getMessage().contains("must be of type boolean"));
        ApiFaultException badId = assertThrows(ApiFaultException.class,
                () -> org.query("SELECT Id FROM Account WHERE Id = 'nope'"));
        assertEquals("INVALID_QUERY_FILTER_OPERATOR", badId.exceptionCode());
        ApiFaultException dateForDateTime = assertThrows(ApiFaultException.class,
                () -> org.query("SELECT Id FROM Account WHERE CreatedDate > 2025-01-01"));
        assertTrue(dateForDateTime.getMessage().contains("must be of type dateTime"));
    }

    @Test
    void idsMatchInFifteenAndEighteenCharacterForms() {
        assertEquals(List.of("Acme"), names("SELECT Name FROM Account WHERE Id = '" + acme.substring(0, 15) + "'"));
        assertEquals(List.of("Acme"), names("SELECT Name FROM Account WHERE Id IN ('" + acme + "')"));
    }

    @Test
    void nullsSortFirstAscendingAndLastDescendingUnlessTold() {
        org.insert("Opportunity", Map.of("Name", "N", "StageName", "Prospecting", "CloseDate", LocalDate.of(2025, 7, 1)));
        assertEquals("N", names("SELECT Name FROM Opportunity ORDER BY Amount").get(0));
        assertEquals("N", names("SELECT Name FROM Opportunity ORDER BY Amount DESC").get(5));
        assertEquals("N", names("SELECT Name FROM Opportunity ORDER BY Amount DESC NULLS FIRST").get(0));
        assertEquals(List.of("A2", "A3"), names("SELECT Name FROM Opportunity WHERE Amount != null AND "
                + "PartnerAccountId = '" + acme + "' ORDER BY Amount LIMIT 2 OFFSET 1"));
        assertEquals(List.of("N"), names("SELECT Name FROM Opportunity WHERE Amount = null"));
    }

    @Test
    void soqlLongerThanTheLimitIsMalformed() {
        String longQuery = "SELECT Id FROM Account WHERE Name = '" + "x".repeat(100_000) + "'";
        ApiFaultException e = assertThrows(ApiFaultException.class, () -> org.query(longQuery));
        assertEquals("MALFORMED_QUERY", e.exceptionCode());
    }

    @Test
    void aggregateQueriesOverTwoThousandRowsExceedTheIdLimit() {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 2_001; i++) {
            many.add(Map.of("Name", "Partner " + i, "IsPartner", true));
        }
        org.insertAll("Account", many);
        ApiFaultException e = assertThrows(ApiFaultException.class,
                () -> org.query("SELECT Name, COUNT(Id) FROM Account WHERE IsPartner = true GROUP BY Name"));
        assertEquals("EXCEEDED_ID_LIMIT", e.exceptionCode());
        assertEquals(2_000, org.query("SELECT Name, COUNT(Id) FROM Account WHERE IsPartner = true GROUP BY Name "
                + "LIMIT 2000").size());
    }
}
