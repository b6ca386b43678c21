package org.jbp.crm.salesforce;

import org.jbp.crm.SalesforceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jbp.crm.mapping.KpiMapping;
import org.jbp.crm.mapping.KpiMappingLoader;
import org.junit.jupiter.api.Test;

class AggregateSoqlTest {

    private static final KpiMapping MAPPING = KpiMappingLoader.loadDefault();
    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final LocalDate END = LocalDate.of(2026, 12, 31);

    private static AggregateSoql soql(String key) {
        return new AggregateSoql(MAPPING.requireSource(key), java.time.ZoneOffset.UTC, START, END);
    }

    @Test
    void sumPerPartnerAndMonthOfTheUsersDayWithDatetimeRange() {
        assertEquals("SELECT PartnerAccountId p, CALENDAR_YEAR(convertTimezone(CreatedDate)) y,"
                + " CALENDAR_MONTH(convertTimezone(CreatedDate)) m,"
                + " SUM(Amount) v, COUNT(Id) n FROM Opportunity WHERE PartnerAccountId IN ('001A0000006Vm9rIAC')"
                + " AND CreatedDate >= 2026-01-01T00:00:00Z AND CreatedDate < 2027-01-01T00:00:00Z"
                + " GROUP BY PartnerAccountId, CALENDAR_YEAR(convertTimezone(CreatedDate)),"
                + " CALENDAR_MONTH(convertTimezone(CreatedDate))",
                soql("pipeline_created").forPartners(List.of("001A0000006Vm9rIAC")));
        String tokyo = new AggregateSoql(MAPPING.requireSource("pipeline_created"), java.time.ZoneId.of("Asia/Tokyo"),
                START, END).forPartners(List.of("001A0000006Vm9rIAC"));
        assertTrue(tokyo.contains("CreatedDate >= 2025-12-31T15:00:00Z AND CreatedDate < 2026-12-31T15:00:00Z"),
                "the period's days are the user's days: " + tokyo);
    }

    @Test
    void filtersBreakdownAndDateRange() {
        String text = soql("certifications_completed").forPartners(List.of("001A0000006Vm9rIAC"));
        assertTrue(text.startsWith("SELECT Account__c p, CALENDAR_YEAR(Completed_Date__c) y,"
                + " CALENDAR_MONTH(Completed_Date__c) m, Role__c b, COUNT(Id) n FROM Partner_Certification__c"), text);
        assertTrue(text.contains("Completed_Date__c >= 2026-01-01 AND Completed_Date__c <= 2026-12-31"
                + " AND Status__c = 'Completed' GROUP BY Account__c, CALENDAR_YEAR(Completed_Date__c),"
                + " CALENDAR_MONTH(Completed_Date__c), Role__c"), text);
        assertTrue(soql("mdf_claimed").forPartners(List.of("001A0000006Vm9rIAC"))
                .contains("Status IN ('Approved', 'Paid')"));
    }

    @Test
    void allPartnersPagesByPartnerId() {
        String first = soql("revenue_won").forAllPartners(Optional.empty());
        assertTrue(first.contains("WHERE PartnerAccountId != null AND CloseDate >= 2026-01-01"), first);
        assertTrue(first.endsWith("ORDER BY PartnerAccountId LIMIT 2000"), first);
        String next = soql("revenue_won").forAllPartners(Optional.of("001A0000006Vm9rIAC"));
        assertTrue(next.contains("PartnerAccountId != null AND PartnerAccountId > '001A0000006Vm9rIAC'"), next);
    }

    @Test
    void chunksKeepRowsAndLengthUnderTheLimits() {
        assertEquals(500, AggregateChunkPlanner.partnersPerChunk(4, 1, 300), "4 quarters -> 500 partners per query");
        assertEquals(2000, AggregateChunkPlanner.partnersPerChunk(1, 1, 300));
        assertEquals(62, AggregateChunkPlanner.partnersPerChunk(4, 8, 300), "certifications: 4 quarters x 8 roles");
        assertEquals(1, AggregateChunkPlanner.partnersPerChunk(40, 100, 300), "never less than one partner");
        int longQuery = 95_000;
        assertEquals((100_000 - 1_000 - longQuery) / AggregateChunkPlanner.CHARS_PER_ID,
                AggregateChunkPlanner.partnersPerChunk(1, 1, longQuery));

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2_001; i++) {
            ids.add(String.format("001A0000%07d", i));
        }
        List<List<String>> chunks = AggregateChunkPlanner.chunks(ids, 500);
        assertEquals(5, chunks.size());
        assertEquals(1, chunks.get(4).size());
        String biggest = soql("pipeline_created").forPartners(
                ids.subList(0, 2000).stream().map(SalesforceId::parse).map(Optional::orElseThrow).toList());
        assertTrue(biggest.length() < AggregateSoql.MAX_SOQL_LENGTH, "2,000 ids fit: " + biggest.length());
    }
}
