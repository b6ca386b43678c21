package org.jbp.sfsim.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jbp.sfsim.Org;
import org.jbp.sfsim.SalesforceSimulator;
import org.jbp.sfsim.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test-control endpoints that play a channel manager approving a fund request and a partner claiming. */
class FundRequestControlTest {

    private SalesforceSimulator sim;
    private Org org;
    private String partner;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        sim = SalesforceSimulator.start(SimulatorConfig.builder().port(0).build());
        org = sim.org();
        partner = org.insert("Account", Map.of("Name", "P", "IsPartner", true));
        org.insert("PartnerFundRequest", Map.of("Title", "MDF", "RequestedAmount", 5000, "ChannelPartnerId", partner,
                "Status", "Draft", "JBP_External_Id__c", "jbp-mdf-1/a b"));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void approvingAndClaimingByExternalIdChangeTheOrgAsSalesforceUsersWould() throws Exception {
        String path = "/sim/admin/fund-requests/" + URLEncoder.encode("jbp-mdf-1/a b", StandardCharsets.UTF_8)
                .replace("+", "%20");
        HttpResponse<String> approved = post(path, "{\"Status\":\"Approved\",\"Amount\":4500}");
        assertEquals(200, approved.statusCode(), approved.body());
        HttpResponse<String> claim = post(path + "/claims", "{\"Amount\":1200,\"Status\":\"Paid\"}");
        assertEquals(201, claim.statusCode(), claim.body());

        var request = org.query("SELECT Id, Status, Amount FROM PartnerFundRequest").get(0);
        assertEquals("Approved", request.get("Status"));
        assertEquals(4500.0, ((Number) request.get("Amount")).doubleValue());
        var claims = org.query("SELECT RequestId, ChannelPartnerId, Amount, Status FROM PartnerFundClaim");
        assertEquals(1, claims.size());
        assertEquals(request.get("Id"), claims.get(0).get("RequestId"));
        assertEquals(partner, claims.get(0).get("ChannelPartnerId"), "derived from the request, as in Salesforce");
        assertEquals("Paid", claims.get(0).get("Status"));
    }

    @Test
    void statusesOutsideTheRestrictedPicklistsAreRefused() throws Exception {
        HttpResponse<String> cancelled = post("/sim/admin/fund-requests/jbp-mdf-1%2Fa%20b", "{\"Status\":\"Cancelled\"}");
        assertEquals(400, cancelled.statusCode());
        assertTrue(cancelled.body().contains("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"), cancelled.body());
        assertEquals("Draft", org.query("SELECT Status FROM PartnerFundRequest").get(0).get("Status"));
        IllegalArgumentException submitted = assertThrows(IllegalArgumentException.class,
                () -> org.addFundClaim("jbp-mdf-1/a b", Map.of("Amount", 10, "Status", "Submitted")));
        assertTrue(submitted.getMessage().contains("bad value for restricted picklist field: Submitted"),
                submitted.getMessage());
        assertEquals(400, post("/sim/admin/fund-requests/unknown/claims", "{\"Amount\":1}").statusCode(),
                "an unknown request is a client error");
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
