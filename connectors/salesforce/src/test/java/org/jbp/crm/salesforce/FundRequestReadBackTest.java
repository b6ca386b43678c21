package org.jbp.crm.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jbp.crm.CrmException;
import org.jbp.crm.CrmWrite;
import org.jbp.crm.FundRequestState;
import org.jbp.crm.WriteResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fund requests written by the connector, changed in the org the way channel managers and partners change them
 * (approval, claims), then read back through the WSC client: Salesforce's field names, picklist values, paging.
 */
class FundRequestReadBackTest {

    private SimulatorFixture sim;
    private String partner;

    @BeforeEach
    void start() {
        sim = SimulatorFixture.start();
        partner = sim.insertPartner("Partner", "Gold");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private SalesforceCrmConnector connector(int batchSize) {
        return new SalesforceCrmConnector(new SalesforceSession(sim.settings(batchSize), d -> { }),
                org.jbp.crm.mapping.KpiMappingLoader.loadDefault());
    }

    private CrmWrite.FundRequestUpsert request(String externalId, String amount) {
        return new CrmWrite.FundRequestUpsert(externalId, "MDF " + externalId, new BigDecimal(amount), "USD",
                Optional.empty(), partner, Optional.empty(), "Event", "Draft");
    }

    private void write(SalesforceCrmConnector crm, CrmWrite... writes) {
        for (WriteResult r : crm.apply(List.of(writes))) {
            assertTrue(r.isSuccess(), r.toString());
        }
    }

    @Test
    void approvalAndClaimsMadeInSalesforceAreReadBackPerRequest() {
        try (SalesforceCrmConnector crm = connector(2_000)) {
            write(crm, request("JBP-A", "10000"), request("JBP-B", "5000"), request("JBP-C", "2000"));
            sim.org().updateFundRequest("JBP-A", Map.of("Status", "Approved", "Amount", 8000));
            sim.org().addFundClaim("JBP-A", Map.of("Amount", 3000, "Status", "Paid"));
            sim.org().addFundClaim("JBP-A", Map.of("Amount", 2500, "Status", "Approved"));
            sim.org().addFundClaim("JBP-A", Map.of("Amount", 700, "Status", "Draft"));
            sim.org().updateFundRequest("JBP-B", Map.of("Status", "Rejected"));

            Map<String, FundRequestState> states = crm.fundRequestStates(List.of("JBP-A", "JBP-B", "JBP-C", "JBP-NEVER"))
                    .stream().collect(Collectors.toMap(FundRequestState::externalId, Function.identity()));

            assertEquals(3, states.size(), "a request Salesforce does not know is absent: " + states.keySet());
            FundRequestState a = states.get("JBP-A");
            assertEquals(Optional.of("Approved"), a.status());
            assertEquals(0, new BigDecimal("10000").compareTo(a.requestedAmount()));
            assertEquals(0, new BigDecimal("8000").compareTo(a.approvedAmount().orElseThrow()));
            assertEquals(3, a.claims().size());
            Map<String, BigDecimal> claimed = a.claims().stream().collect(Collectors.toMap(
                    c -> c.status().orElseThrow(), FundRequestState.FundClaim::amount));
            assertEquals(0, new BigDecimal("3000").compareTo(claimed.get("Paid")));
            assertEquals(0, new BigDecimal("2500").compareTo(claimed.get("Approved")));
            assertEquals(0, new BigDecimal("700").compareTo(claimed.get("Draft")));
            assertEquals(sim.queryDirectly("SELECT Id FROM PartnerFundRequest WHERE JBP_External_Id__c = 'JBP-A'")
                    .get(0).get("Id"), a.crmId());

            assertEquals(Optional.of("Rejected"), states.get("JBP-B").status());
            assertEquals(Optional.empty(), states.get("JBP-B").approvedAmount(), "no Amount entered");
            assertEquals(Optional.of("Draft"), states.get("JBP-C").status());
            assertTrue(states.get("JBP-C").claims().isEmpty());
        }
    }

    @Test
    void inAMultiCurrencyOrgRequestsAreWrittenInThePlansCurrencyAndClaimsReadInTheirOwn() {
        sim.org().multiCurrency("USD", Map.of("EUR", 0.9, "GBP", 0.8));
        try (SalesforceCrmConnector crm = connector(2_000)) {
            write(crm, new CrmWrite.FundRequestUpsert("JBP-EUR", "MDF in euros", new BigDecimal("9000"), "EUR",
                    Optional.empty(), partner, Optional.empty(), "Event", "Draft"));
            assertEquals("EUR", sim.queryDirectly("SELECT CurrencyIsoCode FROM PartnerFundRequest "
                    + "WHERE JBP_External_Id__c = 'JBP-EUR'").get(0).get("CurrencyIsoCode"),
                    "written in the plan's currency, not the integration user's");
            sim.org().updateFundRequest("JBP-EUR", Map.of("Status", "Approved", "Amount", 8000));
            sim.org().addFundClaim("JBP-EUR", Map.of("Amount", 800, "Status", "Paid", "CurrencyIsoCode", "GBP"));

            FundRequestState state = crm.fundRequestStates(List.of("JBP-EUR")).get(0);
            assertEquals(Optional.of("EUR"), state.currency());
            assertEquals(Optional.of("GBP"), state.claims().get(0).currency(), "the claim's own currency");
        }
    }

    @Test
    void aSingleCurrencyOrgGetsNoCurrencyFieldAndNoRequestInAnotherCurrency() {
        try (SalesforceCrmConnector crm = connector(2_000)) {
            // the simulator refuses CurrencyIsoCode in a single-currency org (INVALID_FIELD), as Salesforce does
            write(crm, request("JBP-USD", "1000"));
            assertEquals(Optional.empty(), crm.fundRequestStates(List.of("JBP-USD")).get(0).currency());
            WriteResult euros = crm.apply(List.of(new CrmWrite.FundRequestUpsert("JBP-EUR", "MDF", BigDecimal.TEN,
                    "EUR", Optional.empty(), partner, Optional.empty(), "Event", "Draft"))).get(0);
            assertTrue(!euros.isSuccess() && euros.toString().contains("EUR"), euros.toString());
            assertEquals(0, sim.queryDirectly("SELECT Id FROM PartnerFundRequest WHERE JBP_External_Id__c = 'JBP-EUR'")
                    .size(), "nothing written in the wrong currency");
        }
    }

    @Test
    void manyRequestsAreReadInBatchedInListsAndQueryMoreNotOneCallEach() {
        List<CrmWrite> writes = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            ids.add("JBP-BULK-" + i);
            writes.add(request(ids.get(i), "1000"));
        }
        try (SalesforceCrmConnector crm = connector(2_000)) {
            write(crm, writes.toArray(CrmWrite[]::new));
        }
        for (String id : ids) {
            sim.org().addFundClaim(id, Map.of("Amount", 100, "Status", "Paid"));
        }
        try (SalesforceCrmConnector crm = connector(200)) {
            List<FundRequestState> states = crm.fundRequestStates(ids);
            assertEquals(450, states.size());
            assertTrue(states.stream().allMatch(s -> s.claims().size() == 1), "each request has its one claim");
            // login; getUserInfo (is the org multi-currency, so is there a CurrencyIsoCode to read); requests: 3
            // IN-lists of at most 200 external ids; claims: one IN-list of 450 request ids, 450 rows in pages of
            // 200 = query + 2 queryMore
            assertEquals(1 + 1 + 3 + 3, crm.apiCallsUsed());
        }
    }

    @Test
    void cancelSetsTheRequestToRejectedAndNeverCreatesOne() {
        try (SalesforceCrmConnector crm = connector(2_000)) {
            write(crm, request("JBP-KEEP", "4000"), request("JBP-DROP", "6000"));
            List<WriteResult> results = crm.apply(List.of(new CrmWrite.FundRequestCancel("JBP-DROP"),
                    new CrmWrite.FundRequestCancel("JBP-UNKNOWN")));
            assertTrue(results.get(0).isSuccess(), results.get(0).toString());
            WriteResult.Failed unknown = assertInstanceOf(WriteResult.Failed.class, results.get(1));
            assertEquals("NOT_FOUND", unknown.error().statusCode());
            assertTrue(crm.apply(List.of(new CrmWrite.FundRequestCancel("JBP-DROP"))).get(0).isSuccess(),
                    "cancelling again is harmless");

            assertEquals(2, sim.count("PartnerFundRequest"), "nothing created for the unknown id");
            assertEquals("Rejected", status("JBP-DROP"));
            assertEquals("Draft", status("JBP-KEEP"));
        }
    }

    @Test
    void aStatusOutsideTheRestrictedPicklistIsRefusedPerRecord() {
        try (SalesforceCrmConnector crm = connector(2_000)) {
            List<WriteResult> results = crm.apply(List.of(
                    new CrmWrite.FundRequestUpsert("JBP-BAD", "Bad", new BigDecimal("100"), "USD", Optional.empty(),
                            partner, Optional.empty(), "Event", "Submitted"),
                    request("JBP-GOOD", "100")));
            WriteResult.Failed bad = assertInstanceOf(WriteResult.Failed.class, results.get(0));
            assertEquals("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", bad.error().statusCode());
            assertEquals(CrmException.Kind.PERMANENT, bad.error().kind());
            assertEquals(List.of("Status"), bad.error().fields());
            assertTrue(results.get(1).isSuccess(), "the other record of the call is saved");
        }
    }

    @Test
    void externalIdsCannotInjectSoql() {
        try (SalesforceCrmConnector crm = connector(2_000)) {
            write(crm, request("JBP-SAFE", "100"));
            assertTrue(crm.fundRequestStates(List.of("x' OR Title != 'y", "x\\' OR Title != \\'y")).isEmpty(),
                    "quotes stay inside the literal");
            assertEquals(1, crm.fundRequestStates(List.of("JBP-SAFE", "x' OR Title != 'y")).size());
        }
    }

    private String status(String externalId) {
        return (String) sim.queryDirectly("SELECT Status FROM PartnerFundRequest WHERE JBP_External_Id__c = '"
                + externalId + "'").get(0).get("Status");
    }
}
