package org.jbp.sfsim.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jbp.sfsim.Org;
import org.junit.jupiter.api.Test;

class OrgGeneratorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-01T00:00:00Z"), ZoneOffset.UTC);

    private static Org generated(GeneratorSpec spec) {
        Org org = new Org(CLOCK, "Test", "admin@jbp.demo");
        OrgGenerator.generate(org, spec);
        return org;
    }

    @Test
    void smallOrgHasEightNamedPartnersInEveryTierWithProgramMembership() {
        Org org = generated(GeneratorSpec.small(42));
        List<Map<String, Object>> tiers = org.query("SELECT Partner_Tier__c, COUNT(Id) FROM Account "
                + "WHERE IsPartner = true GROUP BY Partner_Tier__c");
        assertEquals(4, tiers.size());
        for (Map<String, Object> t : tiers) {
            assertEquals(2, t.get("expr0"), t.toString());
        }
        List<Map<String, Object>> members = org.query("SELECT Partner.Name, Level.Name FROM ChannelProgramMember "
                + "WHERE Partner.Name = 'Acme Digital'");
        assertEquals(1, members.size());
        assertEquals("Gold", members.get(0).get("Level.Name"));
        assertEquals(320, org.count("Opportunity"));
        assertTrue(org.count("PartnerFundClaim") > 0);
        assertEquals(48, org.count("Partner_Certification__c"));
    }

    @Test
    void opportunitiesSpanThisYearAndLastWithWinsDealRegistrationsAndCoSell() {
        Org org = generated(GeneratorSpec.of(20, 2_000, 40, 60, 7));
        List<Map<String, Object>> byYear = org.query("SELECT CALENDAR_YEAR(CreatedDate) y, COUNT(Id) n "
                + "FROM Opportunity GROUP BY CALENDAR_YEAR(CreatedDate)");
        assertEquals(List.of(2024, 2025), byYear.stream().map(r -> r.get("y")).toList());
        assertTrue((int) org.query("SELECT COUNT() FROM Opportunity WHERE IsWon = true").get(0).get("count") > 300);
        assertTrue((int) org.query("SELECT COUNT() FROM Opportunity WHERE Deal_Registration__c = true "
                + "AND RecordType.DeveloperName = 'Deal_Registration'").get(0).get("count") > 300);
        assertTrue((int) org.query("SELECT COUNT() FROM Opportunity WHERE Co_Sell__c = true").get(0).get("count")
                > 200);
    }

    @Test
    void noRecordIsCreatedOrModifiedAfterTheMomentTheOrgIsGenerated() {
        Org org = generated(GeneratorSpec.of(20, 2_000, 40, 60, 7));
        for (String type : List.of("Account", "Opportunity", "Campaign", "PartnerFundRequest", "PartnerFundClaim",
                "Partner_Certification__c")) {
            assertEquals(0, org.query("SELECT COUNT() FROM " + type + " WHERE SystemModstamp > 2025-08-01T00:00:00Z")
                    .get(0).get("count"), type + " stamped in the future would look changed to every incremental sync");
        }
    }

    @Test
    void expectedRevenueIsAmountTimesProbabilityAndFollowsAClosedStage() {
        Org org = generated(GeneratorSpec.of(20, 2_000, 40, 60, 7));
        List<Map<String, Object>> open = org.query("SELECT Amount, Probability, ExpectedRevenue FROM Opportunity "
                + "WHERE IsClosed = false");
        assertTrue(open.size() > 50, "open opportunities: " + open.size());
        for (Map<String, Object> opp : open) {
            double expected = ((Number) opp.get("Amount")).doubleValue() * ((Number) opp.get("Probability")).doubleValue() / 100;
            assertEquals(expected, ((Number) opp.get("ExpectedRevenue")).doubleValue(), 0.005, opp.toString());
        }
        String id = org.insert("Opportunity", Map.of("Name", "Won later", "StageName", "Negotiation", "Probability", 60,
                "Amount", 1_000, "CloseDate", java.time.LocalDate.of(2025, 9, 1)));
        assertEquals(600.0, ((Number) org.get(id).orElseThrow().get("ExpectedRevenue")).doubleValue());
        org.update(id, Map.of("StageName", "Closed Won"));
        assertEquals(100.0, ((Number) org.get(id).orElseThrow().get("Probability")).doubleValue());
        assertEquals(1_000.0, ((Number) org.get(id).orElseThrow().get("ExpectedRevenue")).doubleValue());
    }

    @Test
    void sameSeedGivesTheSameOrgAndAnotherSeedDoesNot() {
        String q = "SELECT Id, Name, Amount, CloseDate, PartnerAccountId FROM Opportunity ORDER BY Id LIMIT 50";
        assertEquals(generated(GeneratorSpec.small(1)).query(q), generated(GeneratorSpec.small(1)).query(q));
        assertNotEquals(generated(GeneratorSpec.small(1)).query(q), generated(GeneratorSpec.small(2)).query(q));
    }
}
