package org.jbp.crm.salesforce;

import org.jbp.crm.SalesforceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jbp.crm.CrmException;
import org.jbp.crm.CrmUser;
import org.jbp.crm.KpiFact;
import org.jbp.crm.KpiFactQuery;
import org.jbp.crm.PartnerAccount;
import org.jbp.crm.mapping.KpiMapping;
import org.jbp.crm.mapping.KpiMappingLoader;
import org.junit.jupiter.api.Test;

/**
 * What the connector must do against any org, the simulator or a real one. These tests only read, so they are safe
 * on a real org; subclasses provide the org.
 *
 * <p>Every test first establishes that the org holds what it checks ({@link #requireOrgHolds}): an empty org would
 * let "no duplicates", "nothing found" and "the same facts both ways" pass without checking anything.
 */
abstract class CrmConnectorContract {

    static final LocalDate YEAR_START = LocalDate.of(2026, 1, 1);
    static final LocalDate YEAR_END = LocalDate.of(2026, 12, 31);

    /** Settings for the org under test with the given query batch size. */
    abstract SalesforceSettings settings(int queryBatchSize);

    /**
     * Stops a test whose org lacks what the test checks: the simulated org is staged by the test, so there it is a
     * failure; a real org is what it is, so there the test is aborted with the reason.
     *
     * @param what what the org must hold, e.g. "more than one page of 200 partners"
     */
    abstract void requireOrgHolds(boolean holds, String what);

    /** A read through one session of its own, for preconditions that need the org's raw answer. */
    <T> T read(String operation, SoapCall<T> call) {
        try (SalesforceSession session = new SalesforceSession(settings(200), new RecordingSleeper())) {
            return session.call(operation, call);
        }
    }

    SalesforceCrmConnector connector(int queryBatchSize) {
        return connector(queryBatchSize, defaultMapping());
    }

    /** The mapping the org under test matches; the shipped default unless a subclass knows better. */
    KpiMapping defaultMapping() {
        return KpiMappingLoader.loadDefault();
    }

    /** The pauses the connectors of this test asked for between retries, recorded instead of slept. */
    final RecordingSleeper pauses = new RecordingSleeper();

    SalesforceCrmConnector connector(int queryBatchSize, KpiMapping mapping) {
        return new SalesforceCrmConnector(new SalesforceSession(settings(queryBatchSize), pauses), mapping);
    }

    static KpiMapping mappingWith(String extraLines) {
        return KpiMappingLoader.load(new StringReader("partner.object = Account\n"
                + "partner.filter.p = IsPartner = true\n" + extraLines), "test mapping");
    }

    /** Deals attributed through OpportunityPartner: to the primary partner, or to every partner in a role. */
    static final String OPPORTUNITY_PARTNER_SOURCES = """
            kpi.primary.object = OpportunityPartner
            kpi.primary.partner-field = AccountToId
            kpi.primary.date-field = Opportunity.CloseDate
            kpi.primary.aggregate = SUM(Opportunity.Amount)
            kpi.primary.filter.won = Opportunity.IsWon = true
            kpi.primary.filter.primary = IsPrimary = true
            kpi.resellers.object = OpportunityPartner
            kpi.resellers.partner-field = AccountToId
            kpi.resellers.date-field = Opportunity.CloseDate
            kpi.resellers.aggregate = SUM(Opportunity.Amount)
            kpi.resellers.filter.won = Opportunity.IsWon = true
            kpi.resellers.filter.role = Role IN ('Reseller')
            """;

    @Test
    void partnerAccountsPageThroughQueryMoreInIdOrderWithoutLossOrDuplicates() {
        List<PartnerAccount> smallPages;
        List<PartnerAccount> bigPages;
        try (SalesforceCrmConnector small = connector(200); SalesforceCrmConnector big = connector(2_000)) {
            smallPages = small.partnerAccounts();
            requireOrgHolds(smallPages.size() > 2 * 200, "more than two pages of 200 partners (it has "
                    + smallPages.size() + ")");
            bigPages = big.partnerAccounts();
        }
        List<String> ids = smallPages.stream().map(PartnerAccount::id).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no partner twice");
        // SOQL ORDER BY (SOQL and SOSL Reference, ORDER BY): "For English locales, SOQL uses the UTF-8 values of the
        // uppercase character", so ids sort case-insensitively
        assertEquals(ids.stream().sorted(java.util.Comparator.comparing((String id) -> id.toUpperCase(java.util.Locale.ROOT)))
                .toList(), ids, "in id order");
        assertEquals(ids, bigPages.stream().map(PartnerAccount::id).toList(), "page size changes nothing");
    }

    @Test
    void factsForAllPartnersEqualFactsForTheSamePartnersListed() {
        try (SalesforceCrmConnector crm = connector(2_000)) {
            Set<String> partners = crm.partnerAccounts().stream().map(PartnerAccount::id)
                    .limit(3_000).collect(Collectors.toSet());
            Set<String> keys = Set.of("revenue_won", "certifications_completed");
            List<KpiFact> all = crm.kpiFacts(KpiFactQuery.forAllPartners(keys, YEAR_START, YEAR_END));
            List<KpiFact> listed = crm.kpiFacts(KpiFactQuery.forPartners(keys, partners, YEAR_START, YEAR_END));
            requireOrgHolds(listed.stream().map(KpiFact::sourceKey).distinct().count() == keys.size(),
                    "facts of both " + keys + " in " + YEAR_START.getYear() + " for the partners listed");
            requireOrgHolds(all.size() > 0, "facts for all partners");
            Set<KpiFact> allForListed = all.stream().filter(f -> partners.contains(f.partnerId()))
                    .map(CrmConnectorContract::normalised).collect(Collectors.toSet());
            assertEquals(allForListed, listed.stream().map(CrmConnectorContract::normalised).collect(Collectors.toSet()));
        }
    }

    static KpiFact normalised(KpiFact fact) {
        return new KpiFact(fact.sourceKey(), fact.partnerId(), fact.month(), fact.breakdown(),
                fact.value().stripTrailingZeros(), fact.rowCount());
    }

    @Test
    void partnerIdsCarryingSoqlAreRefusedBeforeAnyCall() {
        try (SalesforceCrmConnector crm = connector(200)) {
            for (String attempt : List.of("001A0000006Vm9r' OR PartnerAccountId != '", "') OR (Id != null",
                    "001A0000006Vm9rAAA")) {
                CrmException e = assertThrows(CrmException.class, () -> crm.kpiFacts(KpiFactQuery.forPartners(
                        Set.of("revenue_won"), Set.of(attempt), YEAR_START, YEAR_END)));
                assertEquals(CrmException.Kind.PERMANENT, e.kind());
                assertEquals("INVALID_ID", e.statusCode());
            }
            assertEquals(0, crm.apiCallsUsed(), "refused before logging in");
            List<PartnerAccount> partners = crm.partnerAccounts();
            requireOrgHolds(!partners.isEmpty(), "a partner account");
            crm.kpiFacts(KpiFactQuery.forPartners(Set.of("revenue_won"), Set.of(partners.get(0).id()),
                    YEAR_START, YEAR_END));   // a real partner's id passes the same check
        }
    }

    @Test
    void filterValuesWithQuotesAndKeywordsStayLiterals() {
        KpiMapping mapping = mappingWith("""
                kpi.sneaky.object = Opportunity
                kpi.sneaky.partner-field = PartnerAccountId
                kpi.sneaky.date-field = CloseDate
                kpi.sneaky.aggregate = COUNT()
                kpi.sneaky.filter.name = Name = 'x\\' OR Name != \\'y'
                kpi.sneaky.filter.other = StageName IN ('a\\\\', ') OR (Amount > 0')
                kpi.unfiltered.object = Opportunity
                kpi.unfiltered.partner-field = PartnerAccountId
                kpi.unfiltered.date-field = CloseDate
                kpi.unfiltered.aggregate = COUNT()
                """);
        try (SalesforceCrmConnector crm = connector(2_000, mapping)) {
            requireOrgHolds(!crm.kpiFacts(KpiFactQuery.forAllPartners(Set.of("unfiltered"), YEAR_START, YEAR_END))
                    .isEmpty(), "partner opportunities closing in " + YEAR_START.getYear()
                    + " (which a filter read as SOQL would find)");
            List<KpiFact> facts = crm.kpiFacts(KpiFactQuery.forAllPartners(Set.of("sneaky"), YEAR_START, YEAR_END));
            assertEquals(List.of(), facts, "no opportunity is literally named like that");
        }
    }

    /**
     * Read-only and safe on any org: the read-back query uses the real object and field names (an unknown field
     * would fail it with INVALID_FIELD), and external ids JBP never wrote, quotes included, find nothing, though the
     * org holds fund requests (the quoted one would find them all if it were read as SOQL).
     */
    @Test
    void fundRequestStatesOfIdsNeverWrittenAreEmpty() {
        requireOrgHolds(read("query", c -> c.query("SELECT COUNT() FROM PartnerFundRequest")).getSize() > 0,
                "a PartnerFundRequest");
        try (SalesforceCrmConnector crm = connector(200)) {
            assertTrue(crm.fundRequestStates(List.of("jbp-contract-never-written-" + System.nanoTime(),
                    "x' OR Status != 'y")).isEmpty());
        }
    }

    /**
     * Read-only and safe on any org: the user we are logged in as is read back by its 15-character id with the name
     * and email Salesforce itself reports for the session, and what is not a user id (an account id, SOQL, blank)
     * neither fails the query nor finds anyone.
     */
    @Test
    void usersByIdsReturnsTheLoggedInUsersNameAndEmailAndNothingForIdsThatAreNotUsers() {
        com.sforce.soap.partner.GetUserInfoResult me;
        try (SalesforceSession session = new SalesforceSession(settings(200), pauses)) {
            me = session.call("getUserInfo", c -> c.getUserInfo());
        }
        String id18 = SalesforceId.parse(me.getUserId()).orElseThrow();
        try (SalesforceCrmConnector crm = connector(200)) {
            List<PartnerAccount> partners = crm.partnerAccounts();
            requireOrgHolds(!partners.isEmpty(), "a partner account (an id that is not a user's)");
            List<CrmUser> users = crm.usersByIds(List.of(id18.substring(0, 15), partners.get(0).id(),
                    "005' OR Name != '", "", id18));
            assertEquals(List.of(new CrmUser(id18, me.getUserFullName(), java.util.Optional.of(me.getUserEmail()), true)),
                    users, "the same user asked for twice (15 and 18 characters) is answered once");
        }
    }

    @Test
    void unknownFieldIsPermanentWithItsCode() {
        KpiMapping mapping = mappingWith("""
                kpi.broken.object = Opportunity
                kpi.broken.partner-field = PartnerAccountId
                kpi.broken.date-field = CloseDate
                kpi.broken.aggregate = SUM(No_Such_Field__c)
                kpi.known.object = Opportunity
                kpi.known.partner-field = PartnerAccountId
                kpi.known.date-field = CloseDate
                kpi.known.aggregate = SUM(Amount)
                """);
        try (SalesforceCrmConnector crm = connector(2_000, mapping)) {
            requireOrgHolds(!crm.kpiFacts(KpiFactQuery.forAllPartners(Set.of("known"), YEAR_START, YEAR_END))
                    .isEmpty(), "partner opportunities closing in " + YEAR_START.getYear()
                    + " (so the same source with a real field finds facts)");
            CrmException e = assertThrows(CrmException.class,
                    () -> crm.kpiFacts(KpiFactQuery.forAllPartners(Set.of("broken"), YEAR_START, YEAR_END)));
            assertEquals(CrmException.Kind.PERMANENT, e.kind());
            assertEquals("INVALID_FIELD", e.statusCode(), e.getMessage());
        }
    }

    @Test
    void malformedQueryIsPermanentWithItsCode() {
        requireOrgHolds(read("query", c -> c.query("SELECT Id FROM Account")).getSize() > 0,
                "an Account (so the well-formed query finds something)");
        try (SalesforceSession session = new SalesforceSession(settings(200), pauses)) {
            CrmException e = assertThrows(CrmException.class,
                    () -> session.call("query", c -> c.query("SELECT Id FROM Account WHERE")));
            assertEquals(CrmException.Kind.PERMANENT, e.kind());
            assertEquals("MALFORMED_QUERY", e.statusCode(), e.getMessage());
            assertTrue(session.requestCount() <= 2, "login and one query, no retry: " + session.requestCount());
            assertEquals(List.of(), pauses.pausesMillis(), "a permanent fault is not waited on");
        }
    }

    // ---- read-only variants of the currency, attribution, incremental and budget tests; safe on a real org ----

    /** The rates the connector reads are the org's own: getUserInfo's currency mode and its active CurrencyType rows. */
    @Test
    void currenciesAreTheOrgsCorporateCurrencyAndItsActiveCurrencyTypes() {
        com.sforce.soap.partner.GetUserInfoResult me;
        try (SalesforceSession session = new SalesforceSession(settings(200), duration -> { })) {
            me = session.call("getUserInfo", c -> c.getUserInfo());
        }
        try (SalesforceCrmConnector crm = connector(2_000)) {
            org.jbp.crm.CurrencyRates rates = crm.currencies();
            assertEquals(me.isOrganizationMultiCurrency(), rates.multiCurrency());
            assertEquals(me.getOrgDefaultCurrencyIsoCode(), rates.corporate());
            assertEquals(0, java.math.BigDecimal.ONE.compareTo(rates.rateTo(rates.corporate()).orElseThrow()),
                    "the corporate currency converts at 1");
            for (String code : rates.codes()) {
                assertTrue(rates.rateTo(code).orElseThrow().signum() > 0, code + " has a positive rate");
            }
        }
    }

    /** Dated rates are read exactly where the org has DatedConversionRate (advanced currency management). */
    @Test
    void datedRatesAreReadWhereAndOnlyWhereTheOrgHasDatedConversionRate() {
        boolean orgHasDatedRates;
        try (SalesforceSession session = new SalesforceSession(settings(200), duration -> { })) {
            try {
                orgHasDatedRates = session.call("query DatedConversionRate",
                        c -> c.query("SELECT Id FROM DatedConversionRate LIMIT 1")).getSize() > 0;
            } catch (CrmException e) {
                assertEquals("INVALID_TYPE", e.statusCode(), e.getMessage());
                orgHasDatedRates = false;
            }
        }
        try (SalesforceCrmConnector crm = connector(2_000)) {
            assertEquals(orgHasDatedRates, crm.currencies().dated());
        }
    }

    /** OpportunityPartner attribution pages through all partners by AccountToId with the facts a partner list gets. */
    @Test
    void opportunityPartnerFactsForAllPartnersEqualTheFactsForThemListed() {
        Set<String> keys = Set.of("primary", "resellers");
        try (SalesforceCrmConnector crm = connector(2_000, mappingWith(OPPORTUNITY_PARTNER_SOURCES))) {
            List<KpiFact> all = crm.kpiFacts(KpiFactQuery.forAllPartners(keys, YEAR_START, YEAR_END));
            Set<String> partners = all.stream().map(KpiFact::partnerId).limit(500).collect(Collectors.toSet());
            if (partners.isEmpty()) {
                return;   // no deal with a partner attached this year: nothing to compare
            }
            List<KpiFact> listed = crm.kpiFacts(KpiFactQuery.forPartners(keys, partners, YEAR_START, YEAR_END));
            assertEquals(all.stream().filter(f -> partners.contains(f.partnerId())).map(CrmConnectorContract::normalised)
                    .collect(Collectors.toSet()), listed.stream().map(CrmConnectorContract::normalised)
                    .collect(Collectors.toSet()));
        }
    }

    /**
     * The change queries of every source run on the org (queryAll, SystemModstamp, parents through relationships):
     * nothing changed after the server's clock, and every partner with facts changed at some time since 1970.
     */
    @Test
    void everySourcesChangeQueryRunsAndFindsThePartnersWithFacts() {
        try (SalesforceCrmConnector crm = connector(2_000)) {
            Set<String> keys = crm.partnerAccounts().isEmpty() ? Set.of() : new java.util.TreeSet<>(
                    defaultMapping().sources().keySet());
            java.time.Instant later = crm.serverTime().plusSeconds(3_600);
            crm.partnersTouchedSince(keys, later).forEach((key, partners) ->
                    assertEquals(Set.of(), partners, key + ": nothing changed after the server's clock"));
            var touched = crm.partnersTouchedSince(Set.of("revenue_won"), java.time.Instant.EPOCH).get("revenue_won");
            crm.kpiFacts(KpiFactQuery.forAllPartners(Set.of("revenue_won"), YEAR_START, YEAR_END)).forEach(fact ->
                    assertTrue(touched.contains(fact.partnerId()), fact.partnerId() + " has facts, so records"));
        }
    }

    /** Record counts ignore filters and dates, so no source's facts hold more records than its partner's count. */
    @Test
    void recordCountsAreAtLeastTheRecordsBehindEachPartnersFacts() {
        try (SalesforceCrmConnector crm = connector(2_000)) {
            Set<String> keys = Set.of("revenue_won", "pipeline_created", "certifications_completed");
            List<KpiFact> facts = crm.kpiFacts(KpiFactQuery.forAllPartners(keys, YEAR_START, YEAR_END));
            Set<String> partners = facts.stream().map(KpiFact::partnerId).limit(2_000).collect(Collectors.toSet());
            var counts = crm.recordCounts(keys, partners);
            for (KpiFact fact : facts) {
                if (!partners.contains(fact.partnerId())) {
                    continue;
                }
                long behind = facts.stream().filter(f -> f.sourceKey().equals(fact.sourceKey())
                        && f.partnerId().equals(fact.partnerId())).mapToLong(KpiFact::rowCount).sum();
                assertTrue(counts.get(fact.sourceKey()).getOrDefault(fact.partnerId(), 0L) >= behind,
                        fact.sourceKey() + " " + fact.partnerId() + ": " + behind + " records in facts, count "
                                + counts.get(fact.sourceKey()).get(fact.partnerId()));
            }
        }
    }

    /** The org's usage and limit come with the first response; nothing is known before it. */
    @Test
    void theOrgsDailyUsageAndLimitComeWithTheFirstResponse() {
        try (SalesforceCrmConnector crm = connector(2_000)) {
            assertEquals(java.util.Optional.empty(), crm.apiUsage());
            crm.serverTime();
            org.jbp.crm.ApiUsage usage = crm.apiUsage().orElseThrow();
            assertTrue(usage.limit() > 0 && usage.used() >= 0, usage.toString());
        }
    }

    /** A budget that says no once the org's limit is known stops the next request before it is sent. */
    @Test
    void aBudgetRefusesTheRequestBeforeItIsSent() {
        try (SalesforceCrmConnector crm = connector(2_000)) {
            crm.limitTo(usage -> usage.map(u -> "the limit is known, no more requests"));
            crm.serverTime();
            long sent = crm.apiCallsUsed();
            CrmException refused = assertThrows(CrmException.class, crm::partnerAccounts);
            assertEquals(CrmException.Kind.BUDGET_USED, refused.kind(), refused.getMessage());
            assertEquals(sent, crm.apiCallsUsed(), "nothing sent");
        }
    }

    /** Facts asked by day (for plans whose quarters start mid-month) add up to the facts by month, day by day. */
    @Test
    void factsByDaySumToTheFactsByMonth() {
        try (SalesforceCrmConnector crm = connector(2_000)) {
            Set<String> keys = Set.of("revenue_won", "pipeline_created");
            Set<String> partners = crm.kpiFacts(KpiFactQuery.forAllPartners(keys, YEAR_START, YEAR_END)).stream()
                    .map(KpiFact::partnerId).limit(20).collect(Collectors.toSet());
            if (partners.isEmpty()) {
                return;   // an org without deals this year has nothing to add up
            }
            KpiFactQuery byMonth = KpiFactQuery.forPartners(keys, partners, YEAR_START, YEAR_END);
            List<KpiFact> days = crm.kpiFacts(byMonth.perDay());
            assertTrue(days.stream().allMatch(f -> f.day() >= 1 && f.day() <= f.month().lengthOfMonth()), days.toString());
            java.util.Map<String, java.math.BigDecimal> summed = new java.util.TreeMap<>();
            days.forEach(f -> summed.merge(f.sourceKey() + " " + f.partnerId() + " " + f.month(), f.value(),
                    java.math.BigDecimal::add));
            java.util.Map<String, java.math.BigDecimal> monthly = new java.util.TreeMap<>();
            crm.kpiFacts(byMonth).forEach(f -> monthly.merge(f.sourceKey() + " " + f.partnerId() + " " + f.month(),
                    f.value(), java.math.BigDecimal::add));
            assertEquals(monthly.keySet(), summed.keySet());
            monthly.forEach((key, value) -> assertEquals(0, value.compareTo(summed.get(key)), key));
        }
    }
}
