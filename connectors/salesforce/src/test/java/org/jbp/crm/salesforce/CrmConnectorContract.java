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
}
