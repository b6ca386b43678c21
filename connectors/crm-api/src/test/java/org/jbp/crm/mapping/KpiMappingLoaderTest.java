package org.jbp.crm.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KpiMappingLoaderTest {

    private static final String MINIMAL = """
            partner.object = Account
            kpi.revenue_won.object = Opportunity
            kpi.revenue_won.partner-field = PartnerAccountId
            kpi.revenue_won.date-field = CloseDate
            kpi.revenue_won.aggregate = SUM(Amount)
            """;

    private static KpiMapping load(String text) {
        return KpiMappingLoader.load(new StringReader(text), "test");
    }

    private static List<String> problemsOf(String text) {
        return assertThrows(KpiMappingException.class, () -> load(text)).problems();
    }

    @Test
    void defaultMappingDefinesEveryAgreedSource() {
        KpiMapping mapping = KpiMappingLoader.loadDefault();
        assertEquals(java.util.Set.of("pipeline_created", "deals_registered", "revenue_won", "campaigns_completed",
                "campaign_leads", "mdf_claimed", "certifications_completed", "co_sell_engagements",
                "open_pipeline_weighted"), mapping.sources().keySet());
        KpiSource pipeline = mapping.requireSource("open_pipeline_weighted");
        assertEquals(Aggregate.sum("ExpectedRevenue"), pipeline.aggregate(), "probability-weighted, summed in the CRM");
        assertEquals(List.of(new FieldFilter("IsClosed", FieldFilter.Operator.EQUALS, List.of(new FilterValue.Bool(false)))),
                pipeline.filters());
        KpiSource mdf = mapping.requireSource("mdf_claimed");
        assertEquals("PartnerFundClaim", mdf.object());
        assertEquals("ChannelPartnerId", mdf.partnerField());
        assertEquals(Aggregate.sum("Amount"), mdf.aggregate());
        assertEquals(new FieldFilter("Status", FieldFilter.Operator.IN,
                List.of(new FilterValue.Text("Approved"), new FilterValue.Text("Paid"))), mdf.filters().get(0));
        KpiSource certifications = mapping.requireSource("certifications_completed");
        assertEquals(Optional.of("Role__c"), certifications.breakdownField());
        assertEquals(8, certifications.groupsPerPartnerAndQuarter());
        assertEquals("PRE_SALES", certifications.breakdownLabel("Pre-Sales"), "the org's picklist value, as plans name the role");
        assertEquals("TECHNICAL", certifications.breakdownLabel("technical"), "picklist values compare without case");
        assertEquals("Partner", certifications.breakdownLabel("Partner"), "a value the mapping does not name stays as it is");
        assertEquals(DateType.DATETIME, mapping.requireSource("pipeline_created").dateType());
        assertEquals(WriteTargets.TierTarget.CHANNEL_PROGRAM_MEMBER, mapping.writeTargets().tierTarget());
        assertEquals(Optional.empty(), mapping.writeTargets().fundRequestCurrencyField());
        assertEquals(QuarterBasis.CALENDAR, mapping.quarterBasis());
    }

    @Test
    void minimalMappingGetsDefaults() {
        KpiMapping mapping = load(MINIMAL);
        KpiSource source = mapping.requireSource("revenue_won");
        assertEquals(DateType.DATE, source.dateType());
        assertEquals(1, source.groupsPerPartnerAndQuarter());
        assertEquals("JBP_External_Id__c", mapping.writeTargets().fundRequestExternalIdField());
    }

    @Test
    void unknownSourceKeyNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load(MINIMAL).requireSource("revenue"));
        assertTrue(e.getMessage().contains("revenue_won"), e.getMessage());
    }

    @Test
    void missingRequiredKeyIsNamed() {
        List<String> problems = problemsOf(MINIMAL.replace("kpi.revenue_won.date-field = CloseDate\n", ""));
        assertEquals(List.of("missing key 'kpi.revenue_won.date-field'"), problems);
    }

    @Test
    void everyProblemIsReportedWithItsLine() {
        List<String> problems = problemsOf(MINIMAL + """
                kpi.revenue_won.aggregate = AVG(Amount)
                kpi.revenue_won.filter.won = IsWon == true
                kpi.revenue_won.colour = blue
                nonsense line
                """);
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("line 9: expected 'key = value'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("line 6, key 'kpi.revenue_won.aggregate': duplicate")));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("line 8, key 'kpi.revenue_won.colour': unknown property")));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("line 7, key 'kpi.revenue_won.filter.won': invalid filter")));
    }

    @Test
    void fieldNamesCannotCarrySoql() {
        List<String> problems = problemsOf(MINIMAL.replace("CloseDate", "CloseDate) FROM User --"));
        assertTrue(problems.get(0).contains("is not a field name"), problems.toString());
    }

    @Test
    void isPartnerIsNeverAWriteTarget() {
        List<String> problems = problemsOf(MINIMAL + "write.tier.target = ACCOUNT_FIELD\nwrite.tier.account-field = IsPartner\n");
        assertTrue(problems.get(0).contains("IsPartner is never written"), problems.toString());
    }

    @Test
    void badEnumAndNumberAreExplained() {
        List<String> problems = problemsOf(MINIMAL + "quarter-basis = LUNAR\nkpi.revenue_won.breakdown-cardinality = -3\n");
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("'LUNAR' is not one of [CALENDAR, FISCAL]"), problems.get(0));
        assertTrue(problems.get(1).contains("not a positive whole number"), problems.get(1));
    }

    @Test
    void filtersParseIntoTypedValues() {
        assertEquals(new FieldFilter("Amount", FieldFilter.Operator.GREATER_OR_EQUAL,
                List.of(new FilterValue.Number(new BigDecimal("10.5")))), FilterParser.parse("Amount >= 10.5"));
        assertEquals(new FieldFilter("Name", FieldFilter.Operator.LIKE,
                List.of(new FilterValue.Text("O'Brien%"))), FilterParser.parse("Name LIKE 'O\\'Brien%'"));
        assertEquals(new FieldFilter("RecordType.DeveloperName", FieldFilter.Operator.NOT_IN,
                List.of(new FilterValue.Text("A"), new FilterValue.Text("B, C"))),
                FilterParser.parse("RecordType.DeveloperName not in ('A','B, C')"));
        assertInstanceOf(FilterValue.Day.class, FilterParser.parse("CloseDate < 2026-01-31").values().get(0));
        assertInstanceOf(FilterValue.Null.class, FilterParser.parse("PartnerAccountId != null").values().get(0));
    }

    @Test
    void filtersRefuseAnythingButOneCondition() {
        for (String bad : List.of("IsWon = true OR Id != null", "Name = Bob", "Name = 'open", "= 1",
                "Amount IN 5", "Name > null", "Amount LIKE 5", "Name = 'x' AND", "Stage = 'a\\qb'")) {
            assertThrows(IllegalArgumentException.class, () -> FilterParser.parse(bad), bad);
        }
    }

    @Test
    void breakdownLabelsGatherSeveralOrgValuesUnderOneLabel() {
        KpiSource source = load(MINIMAL + """
                kpi.revenue_won.breakdown-field = Role__c
                kpi.revenue_won.breakdown-label.PRE_SALES = 'Pre-Sales', 'Presales', 'O\\'Neil'
                """).requireSource("revenue_won");
        assertEquals("PRE_SALES", source.breakdownLabel("Presales"));
        assertEquals("PRE_SALES", source.breakdownLabel("O'Neil"));
    }

    @Test
    void breakdownLabelsAreRefusedWhenTheyCannotApply() {
        List<String> problems = problemsOf(MINIMAL + """
                kpi.revenue_won.breakdown-label.SALES = 'Sales'
                """);
        assertTrue(problems.get(0).contains("need kpi.revenue_won.breakdown-field"), problems.toString());
        problems = problemsOf(MINIMAL + """
                kpi.revenue_won.breakdown-field = Role__c
                kpi.revenue_won.breakdown-label.SALES = 'Sales', 'Pre-Sales'
                kpi.revenue_won.breakdown-label.PRE_SALES = 'pre-sales'
                kpi.revenue_won.breakdown-label.TECHNICAL = Technical
                kpi.revenue_won.breakdown-label.bad-label = 'X'
                """);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("line 8") && p.contains("'pre-sales' is already labelled on line 7")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("line 9") && p.contains("expected quoted text")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("line 10") && p.contains("must be letters")), problems.toString());
    }

    @Test
    void theTierIsReadWhereItIsWritten() {
        assertTrue(KpiMappingLoader.loadDefault().tiersFromProgramMembers(), "written to ChannelProgramMember, read there");
        assertEquals(Optional.empty(), KpiMappingLoader.loadDefault().partners().tierField());
        List<String> problems = problemsOf(MINIMAL + "partner.tier-field = Partner_Tier__c\n");
        assertTrue(problems.get(0).contains("read from there (ChannelProgramLevel.Name)"), problems.toString());
        KpiMapping accountField = load(MINIMAL + "write.tier.target = ACCOUNT_FIELD\nwrite.tier.account-field = Level__c\n");
        assertEquals(Optional.of("Level__c"), accountField.partners().tierField());
        problems = problemsOf(MINIMAL + "write.tier.target = ACCOUNT_FIELD\nwrite.tier.account-field = Level__c\n"
                + "partner.tier-field = Partner_Tier__c\n");
        assertTrue(problems.get(0).contains("must be read from the same field"), problems.toString());
    }
}
