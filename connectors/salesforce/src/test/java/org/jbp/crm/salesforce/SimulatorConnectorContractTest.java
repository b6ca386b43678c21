package org.jbp.crm.salesforce;

import org.jbp.crm.SalesforceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jbp.crm.CrmException;
import org.jbp.crm.CrmWrite;
import org.jbp.crm.KpiFact;
import org.jbp.crm.KpiFactQuery;
import org.jbp.crm.PartnerAccount;
import org.jbp.crm.WriteResult;
import org.jbp.crm.mapping.KpiMapping;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connector contract against the in-memory simulator, plus everything only a simulator can stage: faults,
 * expired sessions, lost cursors, the daily limit, and orgs large enough to need chunking.
 */
class SimulatorConnectorContractTest extends CrmConnectorContract {

    private static final int PARTNERS = 450;
    /** Fund requests the org holds before a test writes any (the contract's read-back needs one to miss). */
    private static final int SEEDED_FUND_REQUESTS = 1;

    private SimulatorFixture sim;
    private final List<String> partnerIds = new ArrayList<>();

    @BeforeEach
    void startSimulatorWithPartners() {
        sim = SimulatorFixture.start();
        for (int i = 0; i < PARTNERS; i++) {
            partnerIds.add(sim.insertPartner("Partner " + i, i % 3 == 0 ? "Gold" : "Silver"));
        }
        for (int i = 0; i < 40; i++) {
            String partner = partnerIds.get(i);
            sim.insertWonOpportunity(partner, "Deal " + i, new BigDecimal(1_000 + i), LocalDate.of(2026, 2, 1 + i % 20));
            sim.insertCertification(partner, i % 2 == 0 ? "Sales" : "Technical", LocalDate.of(2026, 5, 3));
        }
        sim.insert("PartnerFundRequest", Map.of("Title", "Seeded in the org", "RequestedAmount", new BigDecimal("500"),
                "ChannelPartnerId", partnerIds.get(0), "Status", "Draft", "JBP_External_Id__c", "JBP-SEEDED"));
    }

    /** The simulated org is staged by the test: one lacking what a test checks is a broken test. */
    @Override
    void requireOrgHolds(boolean holds, String what) {
        assertTrue(holds, "the simulated org must hold " + what);
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    @Override
    SalesforceSettings settings(int queryBatchSize) {
        return sim.settings(queryBatchSize);
    }

    /** The session of the connector created last, to check logins. */
    private SalesforceSession session;

    @Override
    SalesforceCrmConnector connector(int queryBatchSize, KpiMapping mapping) {
        session = new SalesforceSession(settings(queryBatchSize), pauses);
        return new SalesforceCrmConnector(session, mapping);
    }

    @Test
    void partnerPagesUseQueryMoreWithTheConfiguredBatchSize() {
        try (SalesforceCrmConnector crm = connector(200)) {
            List<PartnerAccount> partners = crm.partnerAccounts();
            assertEquals(PARTNERS, partners.size());
            assertEquals(1 + 3 + 3, crm.apiCallsUsed(),
                    "login, then query and two queryMore for 450 records in pages of 200, for members and for accounts");
            PartnerAccount first = partners.stream().filter(p -> p.id().equals(partnerIds.get(0))).findFirst().orElseThrow();
            assertEquals(Optional.of("Gold"), first.tier());
            assertEquals("Partner 0", first.name());
        }
    }

    @Test
    void changedPartnersComeWithTheNextWatermark() {
        try (SalesforceCrmConnector crm = connector(2_000)) {
            var everything = crm.partnerAccountsChangedSince(Instant.EPOCH);
            assertEquals(PARTNERS, everything.partners().size());
            var nothing = crm.partnerAccountsChangedSince(everything.watermark().plusSeconds(1));
            assertEquals(List.of(), nothing.partners());
            assertEquals(everything.watermark().plusSeconds(1), nothing.watermark());
        }
    }

    @Test
    void tierIsTheLevelOfTheProgramMemberAndALevelChangeAloneMarksThePartnerChanged() {
        try (SalesforceCrmConnector crm = connector(2_000)) {
            // SOQL dateTime literals have whole seconds: wait for the next second so only the member change is newer
            Instant after = crm.partnerAccountsChangedSince(Instant.EPOCH).watermark().truncatedTo(
                    java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
            sleepUntil(after.plusMillis(1100));
            String partner = partnerIds.get(3);
            String member = (String) sim.queryDirectly("SELECT Id FROM ChannelProgramMember WHERE PartnerId = '"
                    + partner + "'").get(0).get("Id");
            sim.org().update(member, Map.of("LevelId", sim.level("Platinum")));

            var changes = crm.partnerAccountsChangedSince(after);
            assertEquals(List.of(partner), changes.partners().stream().map(PartnerAccount::id).toList(),
                    "the Account did not change, its membership did");
            assertEquals(Optional.of("Platinum"), changes.partners().get(0).tier());
            assertTrue(changes.watermark().isAfter(after));
            assertEquals("Gold", sim.queryDirectly("SELECT Partner_Tier__c FROM Account WHERE Id = '" + partner + "'")
                    .get(0).get("Partner_Tier__c"), "the Account's own field is stale");
            assertEquals(Optional.of("Platinum"), crm.partnerAccounts().stream().filter(p -> p.id().equals(partner))
                    .findFirst().orElseThrow().tier());
        }
    }

    /** A won deal owned by the vendor's admin: no PartnerAccountId, partners named in OpportunityPartner. */
    private String vendorDeal(String amount, LocalDate close) {
        return sim.insert("Opportunity", Map.of("Name", "Vendor deal", "StageName", "Closed Won", "CloseDate", close,
                "Amount", new BigDecimal(amount)));
    }

    private void attach(String deal, String partner, boolean primary, String role) {
        sim.insert("OpportunityPartner", Map.of("OpportunityId", deal, "AccountToId", partner, "IsPrimary", primary,
                "Role", role));
    }

    @Test
    void vendorOwnedDealsCountForThePrimaryPartnerOrForEveryPartnerInTheRole() {
        String a = partnerIds.get(100);
        String b = partnerIds.get(101);
        String shared = vendorDeal("5000", LocalDate.of(2026, 5, 10));
        attach(shared, a, true, "Reseller");
        attach(shared, b, false, "Reseller");
        String own = vendorDeal("700", LocalDate.of(2026, 8, 1));
        attach(own, b, true, "System Integrator");
        try (SalesforceCrmConnector crm = connector(2_000, mappingWith(OPPORTUNITY_PARTNER_SOURCES))) {
            List<KpiFact> facts = crm.kpiFacts(KpiFactQuery.forPartners(Set.of("primary", "resellers"), Set.of(a, b),
                    YEAR_START, YEAR_END));
            assertEquals(new BigDecimal("5000.00"), sum(facts, "primary", a));
            assertEquals(new BigDecimal("700.00"), sum(facts, "primary", b), "each deal once, to its primary partner");
            assertEquals(new BigDecimal("5000.00"), sum(facts, "resellers", a));
            assertEquals(new BigDecimal("5000.00"), sum(facts, "resellers", b), "every reseller gets the whole deal");
            assertEquals(facts.stream().filter(f -> f.sourceKey().equals("primary")).collect(Collectors.toSet()),
                    crm.kpiFacts(KpiFactQuery.forAllPartners(Set.of("primary"), YEAR_START, YEAR_END)).stream()
                            .filter(f -> Set.of(a, b).contains(f.partnerId())).collect(Collectors.toSet()),
                    "all partners paged by AccountToId give the same facts");
        }
    }

    @Test
    void coSellCountsVendorOwnedDealsWithThePartnerAttachedNotThePartnersOwn() {
        String partner = partnerIds.get(102);
        String coSold = vendorDeal("100", LocalDate.of(2026, 3, 1));
        attach(coSold, partner, true, "Reseller");
        String partnerOwned = sim.insert("Opportunity", Map.of("Name", "Own deal", "StageName", "Prospecting",
                "CloseDate", LocalDate.of(2026, 9, 1), "PartnerAccountId", partner));
        attach(partnerOwned, partner, true, "Reseller");
        try (SalesforceCrmConnector crm = connector(2_000)) {
            List<KpiFact> facts = crm.kpiFacts(KpiFactQuery.forPartners(Set.of("co_sell_engagements"), Set.of(partner),
                    LocalDate.now(java.time.ZoneOffset.UTC).withDayOfYear(1),
                    LocalDate.now(java.time.ZoneOffset.UTC).withDayOfYear(1).plusYears(1).minusDays(1)));
            assertEquals(new BigDecimal("1.00"), sum(facts, "co_sell_engagements", partner), facts.toString());
        }
    }

    @Test
    void aNewAmountOnTheOpportunityMarksTheOpportunityPartnerSourceTouched() {
        String partner = partnerIds.get(103);
        String deal = vendorDeal("900", LocalDate.of(2026, 4, 1));
        attach(deal, partner, true, "Reseller");
        try (SalesforceCrmConnector crm = connector(2_000, mappingWith(OPPORTUNITY_PARTNER_SOURCES))) {
            Instant after = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
            sleepUntil(after.plusMillis(1100));
            assertEquals(Set.of(), crm.partnersTouchedSince(Set.of("primary"), after).get("primary"));
            sim.org().update(deal, Map.of("Amount", new BigDecimal("950")));
            assertEquals(Set.of(partner), crm.partnersTouchedSince(Set.of("primary"), after).get("primary"),
                    "the OpportunityPartner row did not change, its opportunity did");
        }
    }

    private static BigDecimal sum(List<KpiFact> facts, String key, String partner) {
        return facts.stream().filter(f -> f.sourceKey().equals(key) && f.partnerId().equals(partner))
                .map(KpiFact::value).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    @Test
    void dateTimeFactsFallInTheMonthOfTheUsersDayNotTheUtcDay() {
        sim.org().timeZone("Asia/Tokyo");
        String partner = partnerIds.get(104);
        // 20:00 UTC on 31 March is 1 April in Tokyo; 16:00 UTC on 31 December 2025 is already 2026 there
        sim.insert("Opportunity", Map.of("Name", "Late March", "PartnerAccountId", partner, "StageName", "Prospecting",
                "CloseDate", LocalDate.of(2026, 6, 1), "Amount", new BigDecimal("300"),
                "CreatedDate", Instant.parse("2026-03-31T20:00:00Z")));
        sim.insert("Opportunity", Map.of("Name", "New Year", "PartnerAccountId", partner, "StageName", "Prospecting",
                "CloseDate", LocalDate.of(2026, 6, 1), "Amount", new BigDecimal("50"),
                "CreatedDate", Instant.parse("2025-12-31T16:00:00Z")));
        try (SalesforceCrmConnector crm = connector(2_000)) {
            List<KpiFact> facts = crm.kpiFacts(KpiFactQuery.forPartners(Set.of("pipeline_created"), Set.of(partner),
                    YEAR_START, YEAR_END));
            assertEquals(Map.of(java.time.YearMonth.of(2026, 4), new BigDecimal("300"),
                            java.time.YearMonth.of(2026, 1), new BigDecimal("50")),
                    facts.stream().collect(Collectors.toMap(KpiFact::month, f -> f.value().stripTrailingZeros()
                            .setScale(0, java.math.RoundingMode.UNNECESSARY))), facts.toString());
        }
    }

    @Test
    void currenciesAreTheCorporateOneAloneOrTheActiveCurrencyTypes() {
        try (SalesforceCrmConnector crm = connector(2_000)) {
            assertEquals(org.jbp.crm.CurrencyRates.single("USD"), crm.currencies(), "a single-currency org");
        }
        sim.org().multiCurrency("EUR", Map.of("USD", 1.25, "JPY", 160.0));
        try (SalesforceCrmConnector crm = connector(2_000)) {
            org.jbp.crm.CurrencyRates rates = crm.currencies();
            assertTrue(rates.multiCurrency());
            assertEquals("EUR", rates.corporate());
            assertEquals(0, new BigDecimal("1.25").compareTo(rates.rateTo("USD").orElseThrow()));
            assertEquals(Optional.empty(), rates.rateTo("GBP"));
        }
    }

    @Test
    void datedRatesAreReadWhereTheOrgHasAdvancedCurrencyManagement() {
        sim.org().multiCurrency("USD", Map.of("EUR", 0.9));
        try (SalesforceCrmConnector crm = connector(2_000)) {
            assertFalse(crm.currencies().dated(), "DatedConversionRate is INVALID_TYPE without the feature");
        }
        sim.org().datedRate("EUR", LocalDate.of(2026, 4, 1), 0.8);
        try (SalesforceCrmConnector crm = connector(2_000)) {
            org.jbp.crm.CurrencyRates rates = crm.currencies();
            assertTrue(rates.dated());
            assertEquals(0, new BigDecimal("0.9").compareTo(rates.rateTo("EUR", LocalDate.of(2026, 3, 31)).orElseThrow()));
            assertEquals(0, new BigDecimal("0.8").compareTo(rates.rateTo("EUR", LocalDate.of(2026, 4, 1)).orElseThrow()));
            assertEquals(0, BigDecimal.ONE.compareTo(rates.rateTo("USD", LocalDate.of(2026, 4, 1)).orElseThrow()));
        }
    }

    private static List<String> sorted(List<KpiFact> facts) {
        return facts.stream().map(f -> f.sourceKey() + " " + f.partnerId() + " " + f.month() + " " + f.breakdown()
                + " " + f.value().stripTrailingZeros().toPlainString() + " " + f.rowCount()).sorted().toList();
    }

    @Test
    void aQueryTimeoutIsAnsweredWithFewerPartnersPerQueryNotTheSameQueryAgain() {
        KpiFactQuery query = KpiFactQuery.forPartners(Set.of("revenue_won"), Set.copyOf(partnerIds.subList(0, 40)),
                YEAR_START, YEAR_END);
        List<KpiFact> expected;
        long plainCalls;
        try (SalesforceCrmConnector crm = connector(2_000)) {
            expected = crm.kpiFacts(query);
            plainCalls = crm.apiCallsUsed();
        }
        sim.queryTimeoutOver(10);   // 40 won deals in one query are too many, 10 pass
        try (SalesforceCrmConnector crm = connector(2_000)) {
            assertEquals(sorted(expected), sorted(crm.kpiFacts(query)), "the same facts from smaller queries");
            assertEquals(3, crm.querySplits(), "40 partners into 2 x 20, each of those into 2 x 10");
            assertEquals(plainCalls + 2 + 4, crm.apiCallsUsed(), "the 40 and both 20s failed once each, "
                    + "four queries of 10 passed; nothing was sent twice unchanged");
            assertEquals(List.of(), pauses.pausesMillis(), "a timed-out query is split at once, not waited on");
        }
    }

    @Test
    void aQueryTimeoutForAllPartnersIsAnsweredWithFewerMonthsPerQuery() {
        String partner = partnerIds.get(41);
        for (int month = 3; month <= 12; month++) {
            for (int i = 0; i < 3; i++) {
                sim.insertWonOpportunity(partner, "Spread " + month + "/" + i, new BigDecimal("10"),
                        LocalDate.of(2026, month, 5 + i));
            }
        }
        KpiFactQuery query = KpiFactQuery.forAllPartners(Set.of("revenue_won"), YEAR_START, YEAR_END);
        List<KpiFact> expected;
        try (SalesforceCrmConnector crm = connector(2_000)) {
            expected = crm.kpiFacts(query);
        }
        sim.queryTimeoutOver(45);   // the year's 70 won deals time out; January to March (43) passes
        try (SalesforceCrmConnector crm = connector(2_000)) {
            assertEquals(sorted(expected), sorted(crm.kpiFacts(query)), "the same facts from shorter periods");
            assertEquals(2, crm.querySplits(), "the year into halves, the first half (52 deals) into quarters");
            assertEquals(List.of(), pauses.pausesMillis(), "a timed-out query is split at once, not waited on");
        }
        sim.queryTimeoutOver(39);   // February alone holds 40 deals: no smaller query is left
        try (SalesforceCrmConnector crm = connector(2_000)) {
            CrmException e = assertThrows(CrmException.class, () -> crm.kpiFacts(query));
            assertEquals("QUERY_TIMEOUT", e.statusCode());
            assertEquals(CrmException.Kind.PERMANENT, e.kind());
        }
    }

    @Test
    void aTimeoutOfAQueryThatCannotBeSplitIsNotSentAgainAndNamesTheQuery() {
        try (SalesforceCrmConnector crm = connector(2_000)) {
            crm.serverTime();
            long before = sim.apiCallCount();
            sim.queryTimeoutOn("FROM Account");
            CrmException timeout = assertThrows(CrmException.class, crm::partnerAccounts);
            assertEquals("QUERY_TIMEOUT", timeout.statusCode());
            assertEquals(CrmException.Kind.PERMANENT, timeout.kind(), "the same query would take as long again");
            assertTrue(timeout.getMessage().contains("Query: SELECT Id, Name, SystemModstamp")
                    && timeout.getMessage().contains("FROM Account"), timeout.getMessage());
            // the tiers' program members are read first, then the accounts: one attempt each, no retry
            assertEquals(before + 2, sim.apiCallCount());
            assertEquals(0, crm.querySplits(), "nothing to split a partner list by");
        }
    }

    @Test
    void aRecordMovedToAnotherPartnerLowersTheFirstPartnersCountThoughOnlyTheSecondIsTouched() {
        String first = partnerIds.get(106);
        String second = partnerIds.get(107);
        String deal = sim.insertWonOpportunity(first, "Moving", new BigDecimal("10"), LocalDate.of(2026, 3, 3));
        try (SalesforceCrmConnector crm = connector(2_000)) {
            Map<String, Long> before = crm.recordCounts(Set.of("revenue_won"), Set.of(first, second)).get("revenue_won");
            assertEquals(Map.of(first, 1L), before, "a partner without records is absent");
            Instant after = crm.serverTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
            sleepUntil(after.plusMillis(1100));
            sim.org().update(deal, Map.of("PartnerAccountId", second));
            assertEquals(Set.of(second), crm.partnersTouchedSince(Set.of("revenue_won"), after).get("revenue_won"),
                    "the change query sees the record under its new partner only");
            Map<String, Map<String, Long>> counts = crm.recordCounts(Set.of("revenue_won", "pipeline_created",
                    "campaigns_completed"), Set.of(first, second));
            assertEquals(Map.of(second, 1L), counts.get("revenue_won"), "the first partner's count fell");
            assertEquals(counts.get("revenue_won"), counts.get("pipeline_created"), "pipeline_created counts the same Opportunity records");
            assertEquals(Map.of(), counts.get("campaigns_completed"));
        }
    }

    @Test
    void aDeletedRecordMarksItsPartnerTouched() {
        String partner = partnerIds.get(105);
        String deal = sim.insertWonOpportunity(partner, "Doomed", new BigDecimal("10"), LocalDate.of(2026, 3, 3));
        try (SalesforceCrmConnector crm = connector(2_000)) {
            Instant after = crm.serverTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
            sleepUntil(after.plusMillis(1100));
            sim.org().delete(deal);
            assertEquals(Set.of(partner), crm.partnersTouchedSince(Set.of("revenue_won"), after).get("revenue_won"),
                    "found through queryAll, which sees deleted records");
        }
    }

    /**
     * A KPI on a roll-up summary field of the partner's Account: a certification saved under the partner
     * recalculates it and saves the account (its SystemModstamp moves), so the next incremental run re-reads the
     * partner though no record of the source's own object was edited by anyone.
     */
    @Test
    void aRollUpRecalculatedByAChildSaveMarksThePartnerTouchedAndItsFactFollows() {
        KpiMapping mapping = mappingWith("""
                kpi.certifications_to_date.object = Account
                kpi.certifications_to_date.partner-field = Id
                kpi.certifications_to_date.date-field = SystemModstamp
                kpi.certifications_to_date.date-type = DATETIME
                kpi.certifications_to_date.aggregate = SUM(Certifications_Completed__c)
                """);
        String partner = partnerIds.get(100);
        Set<String> key = Set.of("certifications_to_date");
        try (SalesforceCrmConnector crm = connector(2_000, mapping)) {
            // SOQL dateTime literals have whole seconds: start at the next second, after the setup's own saves
            Instant since = crm.serverTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
            sleepUntil(since.plusMillis(1100));
            assertEquals(Set.of(), crm.partnersTouchedSince(key, since).get("certifications_to_date"));
            sim.insertCertification(partner, "Sales", LocalDate.of(2026, 5, 3));
            assertEquals(Set.of(partner), crm.partnersTouchedSince(key, since).get("certifications_to_date"),
                    "the account's roll-up changed with the certification");
            LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
            List<KpiFact> facts = crm.kpiFacts(KpiFactQuery.forPartners(key, Set.of(partner),
                    today.withDayOfYear(1), today.withDayOfYear(today.lengthOfYear())));
            assertEquals(1, facts.size(), facts.toString());
            assertEquals(0, BigDecimal.ONE.compareTo(facts.get(0).value()), facts.toString());
        }
    }

    @Test
    void theOrgsDailyUsageAndLimitAreReadFromEveryResponse() {
        sim.dailyLimit(50_000);
        try (SalesforceCrmConnector crm = connector(2_000)) {
            assertEquals(Optional.empty(), crm.apiUsage());
            crm.partnerAccounts();
            org.jbp.crm.ApiUsage first = crm.apiUsage().orElseThrow();
            assertEquals(50_000, first.limit());
            crm.serverTime();
            assertEquals(first.used() + 1, crm.apiUsage().orElseThrow().used(), "updated by the next response");
        }
    }

    @Test
    void aBudgetStopsTheConnectorAtTheRequestWhereItIsUsedNotAfterTheOperation() {
        try (SalesforceCrmConnector crm = connector(200)) {
            // 4 requests allowed; listing the partners takes 7: login, 3 pages of program members (the tiers), then 3 of accounts
            crm.limitTo(usage -> session.requestCount() >= 4 ? Optional.of("4 requests allowed") : Optional.empty());
            CrmException refused = assertThrows(CrmException.class, crm::partnerAccounts);
            assertEquals(CrmException.Kind.BUDGET_USED, refused.kind(), refused.getMessage());
            assertEquals("API_BUDGET_SHARE", refused.statusCode());
            assertTrue(refused.getMessage().contains("query Account not sent"), "names the request not sent: " + refused.getMessage());
            assertEquals(4, crm.apiCallsUsed());
            assertEquals(4, sim.apiCallCount(), "the refused request never reached the org");
            crm.limitTo(org.jbp.crm.ApiBudget.UNLIMITED);
            assertEquals(PARTNERS, crm.partnerAccounts().size(), "a budget that allows again lets the work go on");
        }
    }

    @Test
    void factsAreAggregatedPerPartnerQuarterAndBreakdown() {
        try (SalesforceCrmConnector crm = connector(2_000)) {
            List<KpiFact> facts = crm.kpiFacts(KpiFactQuery.forPartners(Set.of("revenue_won", "certifications_completed"),
                    Set.of(partnerIds.get(0), partnerIds.get(1)), YEAR_START, YEAR_END));
            assertTrue(facts.contains(new KpiFact("revenue_won", partnerIds.get(0), java.time.YearMonth.of(2026, 2), Optional.empty(),
                    new BigDecimal("1000"), 1)) || facts.stream().anyMatch(f -> f.sourceKey().equals("revenue_won")
                    && f.partnerId().equals(partnerIds.get(0)) && f.value().compareTo(new BigDecimal("1000")) == 0
                    && f.month().equals(java.time.YearMonth.of(2026, 2)) && f.rowCount() == 1), facts.toString());
            assertTrue(facts.stream().anyMatch(f -> f.sourceKey().equals("certifications_completed")
                    && f.partnerId().equals(partnerIds.get(1)) && f.breakdown().equals(Optional.of("TECHNICAL"))
                    && f.month().equals(java.time.YearMonth.of(2026, 5)) && f.value().intValue() == 1), facts.toString());
            assertEquals(4, facts.size(), facts.toString());
        }
    }

    @Test
    void aggregatesOverMoreThan2000PartnersAreChunkedUnderTheRowLimit() {
        List<String> many = new ArrayList<>(partnerIds);
        while (many.size() < 2_100) {
            many.add(sim.insertPartner("Extra " + many.size(), "Silver"));
        }
        Map<String, BigDecimal> expected = new HashMap<>();
        for (int i = 0; i < many.size(); i++) {
            BigDecimal amount = new BigDecimal(100 + i);
            sim.insertWonOpportunity(many.get(i), "Q1 " + i, amount, LocalDate.of(2026, 1, 15));
            sim.insertWonOpportunity(many.get(i), "Q2 " + i, amount, LocalDate.of(2026, 4, 15));
            expected.merge(many.get(i) + "/2026-01", amount, BigDecimal::add);
            expected.merge(many.get(i) + "/2026-04", amount, BigDecimal::add);
        }
        for (int i = 0; i < 40; i++) {   // the opportunities seeded for every test
            expected.merge(many.get(i) + "/2026-02", new BigDecimal(1_000 + i), BigDecimal::add);
        }
        expected.replaceAll((k, v) -> v.stripTrailingZeros());
        LocalDate end = LocalDate.of(2026, 6, 30);
        try (SalesforceCrmConnector crm = connector(2_000)) {
            long before = sim.apiCallCount();
            List<KpiFact> all = crm.kpiFacts(KpiFactQuery.forAllPartners(Set.of("revenue_won"), YEAR_START, end));
            long allCalls = sim.apiCallCount() - before;
            assertEquals(expected, sums(all));
            // 4,200 rows in pages of at most 2,000, each page loses at most one partner's rows: 3 queries.
            assertTrue(allCalls <= 4, "calls for all partners: " + allCalls);

            before = sim.apiCallCount();
            List<KpiFact> listed = crm.kpiFacts(KpiFactQuery.forPartners(Set.of("revenue_won"), new HashSet<>(many),
                    YEAR_START, end));
            long listedCalls = sim.apiCallCount() - before;
            assertEquals(expected, sums(listed));
            // facts are per month: a six-month period may give six rows per partner, so 333 partners per IN-list
            assertEquals(7, listedCalls, "2,100 partners x 6 months in IN-lists of 333 partners");
            System.out.printf("aggregate chunking, 2,100 partners x 2 quarters: all-partners %d calls, listed %d calls%n",
                    allCalls, listedCalls);
        }
    }

    @Test
    void chunkRefusedForTooManyRowsIsHalved() {
        KpiMapping underestimated = mappingWith("""
                kpi.certs.object = Partner_Certification__c
                kpi.certs.partner-field = Account__c
                kpi.certs.date-field = Completed_Date__c
                kpi.certs.aggregate = COUNT()
                kpi.certs.breakdown-field = Role__c
                kpi.certs.breakdown-cardinality = 1
                """);
        List<String> many = new ArrayList<>(partnerIds);
        while (many.size() < 1_900) {
            many.add(sim.insertPartner("Extra " + many.size(), "Silver"));
        }
        for (String partner : many) {
            sim.insertCertification(partner, "Sales", LocalDate.of(2026, 5, 3));
            sim.insertCertification(partner, "Architect", LocalDate.of(2026, 5, 4));
        }
        try (SalesforceCrmConnector crm = connector(2_000, underestimated)) {
            crm.partnerAccounts();
            long before = crm.apiCallsUsed();
            List<KpiFact> facts = crm.kpiFacts(KpiFactQuery.forPartners(Set.of("certs"), new HashSet<>(many),
                    LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)));
            // Planned as one chunk of 1,900 (1 row each); 1,900 x 2 roles > 2,000 rows: refused, then two halves.
            assertEquals(3, crm.apiCallsUsed() - before);
            assertEquals(2 * 1_900 + 20, facts.size(), "Sales and Architect per partner, Technical for 20 seeded");
        }
    }

    private static Map<String, BigDecimal> sums(List<KpiFact> facts) {
        Map<String, BigDecimal> sums = new HashMap<>();
        for (KpiFact fact : facts) {
            assertEquals(null, sums.put(fact.partnerId() + "/" + fact.month(), fact.value()), "one row per group");
        }
        sums.replaceAll((k, v) -> v.stripTrailingZeros());
        return sums;
    }

    @Test
    void writesOver200RecordsAreSentInCallsOf200AndReportedPerRecord() {
        List<CrmWrite> writes = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            String partner = i % 100 == 7 ? "001A0000006Vm9rIAC" : partnerIds.get(i);   // well-formed, not in the org
            writes.add(fundRequest("FR-" + i, partner));
        }
        try (SalesforceCrmConnector crm = connector(2_000)) {
            long before = sim.apiCallCount();
            List<WriteResult> results = crm.apply(writes);
            assertEquals(1 + 1 + 3, sim.apiCallCount() - before,
                    "login, getUserInfo (the org's currencies, once per connector) and three upserts of at most 200");
            assertEquals(450, results.size());
            for (int i = 0; i < 450; i++) {
                assertEquals(writes.get(i), results.get(i).write(), "results in order");
                if (i % 100 == 7) {
                    WriteResult.Failed failed = assertInstanceOf(WriteResult.Failed.class, results.get(i));
                    assertEquals(CrmException.Kind.PERMANENT, failed.error().kind());
                    assertFalse(failed.error().statusCode().isEmpty());
                } else {
                    assertTrue(assertInstanceOf(WriteResult.Succeeded.class, results.get(i)).created());
                }
            }
            List<WriteResult> again = crm.apply(writes);
            assertTrue(again.stream().filter(WriteResult::isSuccess)
                    .noneMatch(r -> ((WriteResult.Succeeded) r).created()), "second delivery updates");
            assertEquals(SEEDED_FUND_REQUESTS + 445, sim.count("PartnerFundRequest"));
        }
    }

    private static CrmWrite.FundRequestUpsert fundRequest(String externalId, String partner) {
        return new CrmWrite.FundRequestUpsert(externalId, "Co-marketing " + externalId, new BigDecimal("2500.00"), "USD",
                Optional.empty(), partner, Optional.empty(), "Event", "Draft");
    }

    /**
     * The pauses before retries 1 to n under the policy users get ({@link RetryPolicy#DEFAULT}): 0.5 s, doubled
     * before each further retry, with up to a fifth on top as jitter, so each pause is longer than the one before.
     */
    private static void assertDefaultBackoff(int retries, List<Long> pauses) {
        assertEquals(retries, pauses.size(), "one pause before each retry and none after the last attempt: " + pauses);
        for (int i = 0; i < retries; i++) {
            long base = 500L << i;
            long pause = pauses.get(i);
            assertTrue(pause >= base && pause <= base + base / 5, "pause " + (i + 1) + " of " + pauses);
        }
    }

    @Test
    void serverUnavailableIsRetriedWithBackoff() {
        try (SalesforceCrmConnector crm = connector(2_000)) {
            crm.partnerAccounts();
            long before = crm.apiCallsUsed();
            sim.failNext(2, "SERVER_UNAVAILABLE");
            assertEquals(PARTNERS, crm.partnerAccounts().size());
            assertEquals(3 + 1, crm.apiCallsUsed() - before, "two refused, the third served, then the accounts");
            assertDefaultBackoff(2, pauses.pausesMillis());
        }
    }

    @Test
    void loginRefusedByABusyServerIsRetried() {
        sim.failNext(1, "SERVER_UNAVAILABLE", "login");
        try (SalesforceCrmConnector crm = connector(2_000)) {
            assertEquals(PARTNERS, crm.partnerAccounts().size());
            assertEquals(2, session.loginCount());
            assertDefaultBackoff(1, pauses.pausesMillis());
        }
    }

    @Test
    void gatewayErrorsAndDroppedConnectionsAreRetried() {
        try (SalesforceCrmConnector crm = connector(2_000)) {
            crm.partnerAccounts();
            sim.failNext(1, "HTTP_503");
            sim.failNext(1, "CONNECTION_DROP");
            assertEquals(PARTNERS, crm.partnerAccounts().size());
            assertDefaultBackoff(2, pauses.pausesMillis());
        }
    }

    @Test
    void rowsLockedByAnotherTransactionAreResentAlone() {
        List<CrmWrite> writes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            writes.add(fundRequest("LOCK-" + i, partnerIds.get(i)));
        }
        try (SalesforceCrmConnector crm = connector(2_000)) {
            crm.partnerAccounts();
            long before = sim.apiCallCount();
            sim.failNextRecords(3, "UNABLE_TO_LOCK_ROW");
            List<WriteResult> results = crm.apply(writes);
            assertTrue(results.stream().allMatch(WriteResult::isSuccess), results.toString());
            assertEquals(1 + 2, sim.apiCallCount() - before,
                    "getUserInfo (the org's currencies), one upsert of 10, one re-send of the 3 locked rows");
            assertDefaultBackoff(1, pauses.pausesMillis());
            assertEquals(SEEDED_FUND_REQUESTS + 10, sim.count("PartnerFundRequest"));
        }
    }

    @Test
    void transientFaultsGiveUpAfterTheRetryBudgetAsTransient() {
        try (SalesforceCrmConnector crm = connector(2_000)) {
            crm.partnerAccounts();
            long before = sim.apiCallCount();
            sim.failNext(50, "SERVER_UNAVAILABLE");
            CrmException e = assertThrows(CrmException.class, crm::partnerAccounts);
            assertEquals(CrmException.Kind.TRANSIENT, e.kind());
            assertEquals("SERVER_UNAVAILABLE", e.statusCode());
            assertEquals(1 + 4, sim.apiCallCount() - before, "the first attempt and the default policy's 4 retries");
            assertDefaultBackoff(4, pauses.pausesMillis());
        }
    }

    @Test
    void backoffStopsGrowingAtTheLongestPause() {
        SalesforceSettings capped = SalesforceSettings.builder().loginUrl(sim.soapEndpoint())
                .credentials(SimulatorFixture.USERNAME, SimulatorFixture.PASSWORD)
                .retryPolicy(new RetryPolicy(5, java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(2)))
                .build();
        try (SalesforceCrmConnector crm = new SalesforceCrmConnector(new SalesforceSession(capped, pauses),
                org.jbp.crm.mapping.KpiMappingLoader.loadDefault())) {
            crm.partnerAccounts();
            sim.failNext(50, "SERVER_UNAVAILABLE");
            assertThrows(CrmException.class, crm::partnerAccounts);
            List<Long> waited = pauses.pausesMillis();
            assertEquals(5, waited.size(), "five retries, no pause after the last: " + waited);
            assertTrue(waited.get(0) >= 500 && waited.get(0) <= 600 && waited.get(1) >= 1_000
                    && waited.get(1) <= 1_200, waited.toString());
            assertEquals(List.of(2_000L, 2_000L, 2_000L), waited.subList(2, 5), "capped, jitter included");
        }
    }

    @Test
    void expiredSessionIsRenewedOnce() {
        try (SalesforceCrmConnector crm = connector(2_000)) {
            crm.partnerAccounts();
            sim.expireSessions();
            assertEquals(PARTNERS, crm.partnerAccounts().size());
            assertEquals(2, session.loginCount(), "one renewal");
            assertEquals(List.of(), pauses.pausesMillis(), "a renewal does not wait");
        }
    }

    @Test
    void wrongPasswordAsksForNewCredentials() {
        SalesforceSettings wrong = SalesforceSettings.builder().loginUrl(sim.soapEndpoint())
                .credentials(SimulatorFixture.USERNAME, "not-the-password").build();
        try (SalesforceCrmConnector crm = new SalesforceCrmConnector(wrong, org.jbp.crm.mapping.KpiMappingLoader.loadDefault())) {
            CrmException e = assertThrows(CrmException.class, crm::partnerAccounts);
            assertEquals(CrmException.Kind.REAUTHENTICATE, e.kind(), e.getMessage());
            assertEquals("INVALID_LOGIN", e.statusCode());
        }
    }

    @Test
    void expiredSessionWithoutCredentialsAsksForReauthentication() {
        SalesforceSettings sessionOnly = SalesforceSettings.builder()
                .session("00D000000000001!AQ0AQBogusSessionId", sim.soapEndpoint()).build();
        try (SalesforceCrmConnector crm = new SalesforceCrmConnector(sessionOnly, org.jbp.crm.mapping.KpiMappingLoader.loadDefault())) {
            CrmException e = assertThrows(CrmException.class, crm::partnerAccounts);
            assertEquals(CrmException.Kind.REAUTHENTICATE, e.kind(), e.getMessage());
            assertEquals("INVALID_SESSION_ID", e.statusCode());
            assertEquals(1, crm.apiCallsUsed(), "no retry without a way to log in");
        }
    }

    @Test
    void sessionExpiringInTheMiddleOfQueryMoreLosesNothing() {
        try (SalesforceCrmConnector crm = connector(200)) {
            List<String> seen = new ArrayList<>();
            crm.forEachPartnerAccount(Optional.empty(), partner -> {
                seen.add(partner.id());
                if (seen.size() == 250) {
                    sim.expireSessions();
                }
            });
            assertEquals(PARTNERS, seen.size());
            assertEquals(PARTNERS, new HashSet<>(seen).size());
            assertEquals(2, session.loginCount(), "one renewal");
        }
    }

    @Test
    void lostQueryLocatorReRunsTheQueryFromTheLastRecord() {
        try (SalesforceCrmConnector crm = connector(200)) {
            List<String> seen = new ArrayList<>();
            crm.forEachPartnerAccount(Optional.empty(), partner -> {
                seen.add(partner.id());
                if (seen.size() == 200) {
                    sim.failNext(1, "INVALID_QUERY_LOCATOR", "queryMore");
                }
            });
            assertEquals(new HashSet<>(partnerIds), new HashSet<>(seen));
            assertEquals(PARTNERS, seen.size(), "nothing twice");
        }
    }

    @Test
    void dailyRequestLimitStopsWithLimitReached() {
        try (SalesforceCrmConnector crm = connector(200)) {
            crm.partnerAccounts();
            sim.dailyLimit(sim.apiCallCount() + 1);
            CrmException e = assertThrows(CrmException.class, crm::partnerAccounts);
            assertEquals(CrmException.Kind.LIMIT_REACHED, e.kind(), e.getMessage());
            assertEquals("REQUEST_LIMIT_EXCEEDED", e.statusCode());
            long after = crm.apiCallsUsed();
            assertThrows(CrmException.class, crm::partnerAccounts);
            assertEquals(after + 1, crm.apiCallsUsed(), "no retries once the day's budget is gone");
            assertEquals(List.of(), pauses.pausesMillis(), "nor any waiting for one");
        }
    }

    @Test
    void duplicateExternalIdIsReportedForThatRecordOnly() {
        String owner = sim.currentUserId();
        sim.insert("Task", Map.of("Subject", "a", "OwnerId", owner, "JBP_External_Id__c", "DUP-1", "Status", "Not Started",
                "Priority", "Normal"));
        sim.insert("Task", Map.of("Subject", "b", "OwnerId", owner, "JBP_External_Id__c", "DUP-1", "Status", "Not Started",
                "Priority", "Normal"));
        try (SalesforceCrmConnector crm = connector(2_000)) {
            List<WriteResult> results = crm.apply(List.of(
                    new CrmWrite.TaskUpsert("DUP-1", owner, partnerIds.get(0), "Approve plan", LocalDate.of(2026, 3, 1), ""),
                    new CrmWrite.TaskUpsert("NEW-1", owner, partnerIds.get(0), "Approve plan", LocalDate.of(2026, 3, 1), "")));
            WriteResult.Failed failed = assertInstanceOf(WriteResult.Failed.class, results.get(0));
            assertEquals("DUPLICATE_EXTERNAL_ID", failed.error().statusCode());
            assertEquals(CrmException.Kind.PERMANENT, failed.error().kind());
            assertTrue(results.get(1).isSuccess(), "partial success");
        }
    }

    @Test
    void lostResponseAfterACommittedUpsertDoesNotDuplicate() {
        try (SalesforceCrmConnector crm = connector(2_000)) {
            crm.partnerAccounts();
            sim.failNextAfterCommit(1, "upsert");
            List<WriteResult> results = crm.apply(List.of(fundRequest("LOST-1", partnerIds.get(1))));
            assertTrue(results.get(0).isSuccess(), results.toString());
            assertEquals(SEEDED_FUND_REQUESTS + 1, sim.count("PartnerFundRequest"));
        }
    }

    @Test
    void tierChangeMovesTheProgramMemberToTheLevelWithThatName() {
        // partner 1 is a Silver member of the fixture's program; the new account is in no program
        String gold = sim.level("Gold");
        String member = (String) sim.queryDirectly("SELECT Id FROM ChannelProgramMember WHERE PartnerId = '"
                + partnerIds.get(1) + "'").get(0).get("Id");
        String outsider = sim.insert("Account", Map.of("Name", "Not in a program", "IsPartner", true));
        try (SalesforceCrmConnector crm = connector(2_000)) {
            List<WriteResult> results = crm.apply(List.of(
                    new CrmWrite.TierChange(partnerIds.get(1), "Gold", "TIER-1"),
                    new CrmWrite.TierChange(partnerIds.get(1), "Platinum", "TIER-2"),
                    new CrmWrite.TierChange(outsider, "Gold", "TIER-3"),
                    new CrmWrite.TierChange("001A0000006Vm9r' OR Name != '", "Gold", "TIER-4")));
            assertEquals(SalesforceId.parse(member), SalesforceId.parse(((WriteResult.Succeeded) results.get(0)).crmId()));
            assertEquals(SalesforceId.parse(gold), SalesforceId.parse(String.valueOf(sim.field(member, "LevelId"))));
            assertEquals("UNKNOWN_LEVEL", ((WriteResult.Failed) results.get(1)).error().statusCode());
            assertEquals("NOT_A_PROGRAM_MEMBER", ((WriteResult.Failed) results.get(2)).error().statusCode());
            assertEquals("INVALID_ID", ((WriteResult.Failed) results.get(3)).error().statusCode());
            assertEquals(Boolean.TRUE.toString(), String.valueOf(sim.field(partnerIds.get(1), "IsPartner")));
        }
    }

    @Test
    void tierChangeCanWriteAnAccountFieldInstead() {
        KpiMapping mapping = mappingWith("""
                kpi.revenue_won.object = Opportunity
                kpi.revenue_won.partner-field = PartnerAccountId
                kpi.revenue_won.date-field = CloseDate
                kpi.revenue_won.aggregate = SUM(Amount)
                write.tier.target = ACCOUNT_FIELD
                write.tier.account-field = Partner_Tier__c
                """);
        try (SalesforceCrmConnector crm = connector(2_000, mapping)) {
            List<WriteResult> results = crm.apply(List.of(new CrmWrite.TierChange(partnerIds.get(4), "Gold", "T-1")));
            assertTrue(results.get(0).isSuccess(), results.toString());
            assertEquals("Gold", sim.field(partnerIds.get(4), "Partner_Tier__c"));
        }
    }

    @Test
    void partnerNamesWithQuotesAndKeywordsRoundTrip() {
        String name = "O'Brien \\ \"Ltd\") OR Name != null -- '";
        String id = sim.insertPartner(name, "Gold");
        try (SalesforceCrmConnector crm = connector(2_000)) {
            PartnerAccount partner = crm.partnerAccounts().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
            assertEquals(name, partner.name());
        }
    }

    @Test
    void closingATaskWithAnInjectedExternalIdClosesNothingElse() {
        String owner = sim.currentUserId();
        String task = sim.insert("Task", Map.of("Subject", "keep open", "OwnerId", owner, "JBP_External_Id__c", "T-1",
                "Status", "Not Started", "Priority", "Normal"));
        try (SalesforceCrmConnector crm = connector(2_000)) {
            List<WriteResult> results = crm.apply(List.of(new CrmWrite.TaskClose("x' OR Subject != 'y"),
                    new CrmWrite.TaskClose("T-1")));
            assertEquals("NOT_FOUND", ((WriteResult.Failed) results.get(0)).error().statusCode());
            assertTrue(results.get(1).isSuccess());
            assertEquals("Completed", sim.field(task, "Status"));
        }
    }

    @Test
    void partnersTouchedSinceAWatermarkAreFoundPerSource() {
        try (SalesforceCrmConnector crm = connector(2_000)) {
            Map<String, Set<String>> touched = crm.partnersTouchedSince(Set.of("revenue_won", "mdf_claimed"),
                    Instant.EPOCH);
            assertEquals(new HashSet<>(partnerIds.subList(0, 40)), touched.get("revenue_won"));
            assertEquals(Set.of(), touched.get("mdf_claimed"));
            Map<String, Set<String>> later = crm.partnersTouchedSince(Set.of("revenue_won"),
                    Instant.now().plusSeconds(3_600));
            assertEquals(Set.of(), later.get("revenue_won"));
        }
    }

    @Test
    void changesAreFoundWithOneQueryPerObjectNotPerSource() {
        try (SalesforceCrmConnector crm = connector(2_000)) {
            crm.partnerAccounts();
            long before = crm.apiCallsUsed();
            Map<String, Set<String>> touched = crm.partnersTouchedSince(Set.of("revenue_won", "pipeline_created",
                    "deals_registered", "co_sell_engagements", "open_pipeline_weighted", "mdf_claimed"), Instant.EPOCH);
            assertEquals(3, crm.apiCallsUsed() - before,
                    "one query for Opportunity, one for OpportunityPartner (co-sell), one for PartnerFundClaim");
            assertEquals(new HashSet<>(partnerIds.subList(0, 40)), touched.get("pipeline_created"));
            assertEquals(touched.get("revenue_won"), touched.get("open_pipeline_weighted"));
            assertEquals(Set.of(), touched.get("mdf_claimed"));
        }
    }

    @Test
    void opportunitySourcesAskedTogetherForFewPartnersGiveTheirOwnFactsInFewerCalls() {
        List<String> few = partnerIds.subList(0, 12);
        for (int i = 0; i < few.size(); i++) {
            String partner = few.get(i);
            sim.insert("Opportunity", Map.of("Name", "Registered " + i, "PartnerAccountId", partner,
                    "StageName", "Closed Won", "CloseDate", LocalDate.of(2026, 4, 2 + i), "Amount", new BigDecimal(500 + i),
                    "Deal_Registration__c", true, "Co_Sell__c", i % 2 == 0));
            sim.insert("Opportunity", Map.of("Name", "Open " + i, "PartnerAccountId", partner,
                    "StageName", "Negotiation", "Probability", 40 + i, "CloseDate", LocalDate.of(2026, 11, 2 + i),
                    "Amount", new BigDecimal(10_000 + i), "Co_Sell__c", true));
            sim.insert("Opportunity", Map.of("Name", "Lost " + i, "PartnerAccountId", partner,
                    "StageName", "Closed Lost", "CloseDate", LocalDate.of(2026, 7, 2 + i), "Amount", new BigDecimal(777)));
        }
        Set<String> keys = Set.of("pipeline_created", "deals_registered", "co_sell_engagements", "revenue_won",
                "open_pipeline_weighted");
        try (SalesforceCrmConnector crm = connector(2_000)) {
            crm.partnerAccounts();
            long before = crm.apiCallsUsed();
            Set<KpiFact> together = crm.kpiFacts(KpiFactQuery.forPartners(keys, Set.copyOf(few), YEAR_START, YEAR_END))
                    .stream().map(CrmConnectorContract::normalised).collect(java.util.stream.Collectors.toSet());
            long togetherCalls = crm.apiCallsUsed() - before;
            Set<KpiFact> alone = new HashSet<>();
            before = crm.apiCallsUsed();
            for (String key : keys) {
                crm.kpiFacts(KpiFactQuery.forPartners(Set.of(key), Set.copyOf(few), YEAR_START, YEAR_END))
                        .forEach(f -> alone.add(CrmConnectorContract.normalised(f)));
            }
            long aloneCalls = crm.apiCallsUsed() - before;
            assertEquals(alone, together, "the same facts, source by source");
            assertEquals(5, aloneCalls);
            assertEquals(1 + 3, togetherCalls, "getUserInfo for the user's time zone (once per connector), then one "
                    + "query per date field: CreatedDate (2 sources), CloseDate (2); co-sell reads OpportunityPartner");
            KpiFact weighted = together.stream().filter(f -> f.sourceKey().equals("open_pipeline_weighted")
                    && f.partnerId().equals(few.get(1))).findFirst().orElseThrow();
            assertEquals(0, new BigDecimal("4100.41").compareTo(weighted.value()), "10,001 at 41 %: " + weighted);
            assertTrue(together.stream().noneMatch(f -> f.sourceKey().equals("revenue_won")
                    && f.value().compareTo(new BigDecimal(777)) == 0), "lost deals are not revenue");
        }
    }

    @Test
    void campaignSourcesGroupedOnAPicklistGiveTheirOwnFacts() {
        List<String> few = partnerIds.subList(100, 103);
        String[] statuses = {"Completed", "Planned", "In Progress", "Aborted", "completed"};
        for (int i = 0; i < 15; i++) {
            sim.insert("Campaign", Map.of("Name", "Campaign " + i, "Partner_Account__c", few.get(i % 3),
                    "Status", statuses[i % statuses.length], "EndDate", LocalDate.of(2026, 1 + i % 12, 10),
                    "NumberOfLeads", 10 * i));
        }
        Set<String> keys = Set.of("campaigns_completed", "campaign_leads");
        try (SalesforceCrmConnector crm = connector(2_000)) {
            crm.partnerAccounts();
            long before = crm.apiCallsUsed();
            Set<KpiFact> together = crm.kpiFacts(KpiFactQuery.forPartners(keys, Set.copyOf(few), YEAR_START, YEAR_END))
                    .stream().map(CrmConnectorContract::normalised).collect(java.util.stream.Collectors.toSet());
            assertEquals(1, crm.apiCallsUsed() - before, "3 partners x 4 quarters x 10 statuses fit in one call");
            Set<KpiFact> alone = new HashSet<>();
            for (String key : keys) {
                crm.kpiFacts(KpiFactQuery.forPartners(Set.of(key), Set.copyOf(few), YEAR_START, YEAR_END))
                        .forEach(f -> alone.add(CrmConnectorContract.normalised(f)));
            }
            assertEquals(alone, together, "'completed' matches 'Completed' as in SOQL; other statuses only lead counts");
            assertEquals(6, together.stream().filter(f -> f.sourceKey().equals("campaigns_completed"))
                    .mapToLong(f -> f.value().longValue()).sum(), "3 'Completed' and 3 'completed'");
        }
    }

    @Test
    void concurrentRequestLimitIsRetriedLikeABusyServer() {
        try (SalesforceCrmConnector crm = connector(2_000)) {
            crm.partnerAccounts();
            sim.failNext(1, "CONCURRENT_REQUEST_LIMIT");
            assertEquals(PARTNERS, crm.partnerAccounts().size());
            assertDefaultBackoff(1, pauses.pausesMillis());
        }
    }


    private static void sleepUntil(Instant when) {
        long millis = java.time.Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
