package org.jbp.sfsim.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jbp.sfsim.SalesforceSimulator;
import org.jbp.sfsim.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestEndpointTest {

    SalesforceSimulator sim;
    String acme;
    String globex;
    String partnerUser;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        sim = SalesforceSimulator.start(SimulatorConfig.builder().host("127.0.0.1").port(0).build());
        acme = sim.org().insert("Account", Map.of("Name", "Acme", "IsPartner", true, "OwnerId", sim.org().adminUserId()));
        globex = sim.org().insert("Account", Map.of("Name", "Globex", "IsPartner", true, "OwnerId", sim.org().adminUserId()));
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("Username", "pat@acme.example");
        u.put("LastName", "Partner");
        u.put("Email", "pat@acme.example");
        u.put("IsActive", true);
        u.put("UserType", "PowerPartner");
        u.put("AccountId", acme);
        partnerUser = sim.org().insert("User", u);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    HttpResponse<String> get(String path, String session) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path));
        if (session != null) {
            b.header("Authorization", "Bearer " + session);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void withoutALiveSessionEverythingIs401() throws Exception {
        HttpResponse<String> r = get("/services/data/v64.0/sobjects/Account/" + acme, "00Dbogus!x");
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("INVALID_SESSION_ID"));
        assertEquals(401, get("/services/data/v64.0/sobjects/Account/" + acme, null).statusCode());
    }

    @Test
    void internalUserReadsAnyAccount() throws Exception {
        String session = sim.sessionFor(sim.org().adminUserId());
        HttpResponse<String> r = get("/services/data/v64.0/sobjects/Account/" + globex, session);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("\"Name\":\"Globex\""), r.body());
        assertTrue(r.body().contains("\"attributes\":{\"type\":\"Account\""), r.body());
    }

    @Test
    void partnerUserSeesOnlyTheirOwnAccount() throws Exception {
        String session = sim.sessionFor(partnerUser);
        assertEquals(200, get("/services/data/v64.0/sobjects/Account/" + acme, session).statusCode());
        HttpResponse<String> other = get("/services/data/v64.0/sobjects/Account/" + globex, session);
        assertEquals(404, other.statusCode());
        assertTrue(other.body().contains("NOT_FOUND"));
        HttpResponse<String> me = get("/services/data/v64.0/sobjects/User/" + partnerUser, session);
        assertEquals(200, me.statusCode());
        assertTrue(me.body().contains("\"AccountId\":\"" + acme + "\""), me.body());
        assertEquals(404, get("/services/data/v64.0/sobjects/User/" + sim.org().adminUserId(), session).statusCode());
    }

    @Test
    void queryIsFilteredByVisibility() throws Exception {
        String q = URLEncoder.encode("SELECT Id, Name FROM Account ORDER BY Name", StandardCharsets.UTF_8);
        HttpResponse<String> partner = get("/services/data/v64.0/query?q=" + q, sim.sessionFor(partnerUser));
        assertEquals(200, partner.statusCode());
        assertTrue(partner.body().startsWith("{\"totalSize\":1,\"done\":true"), partner.body());
        assertTrue(partner.body().contains("Acme") && !partner.body().contains("Globex"), partner.body());
        HttpResponse<String> admin = get("/services/data/v64.0/query?q=" + q, sim.sessionFor(sim.org().adminUserId()));
        assertTrue(admin.body().startsWith("{\"totalSize\":2"), admin.body());
    }

    @Test
    void malformedQueryIs400WithTheSoqlError() throws Exception {
        String q = URLEncoder.encode("SELECT Nope FROM Account", StandardCharsets.UTF_8);
        HttpResponse<String> r = get("/services/data/v64.0/query?q=" + q, sim.sessionFor(sim.org().adminUserId()));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("INVALID_FIELD"), r.body());
    }
}
