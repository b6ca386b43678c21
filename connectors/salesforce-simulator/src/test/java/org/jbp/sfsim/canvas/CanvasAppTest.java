package org.jbp.sfsim.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jbp.sfsim.SalesforceSimulator;
import org.jbp.sfsim.SimulatorConfig;
import org.jbp.sfsim.store.SalesforceIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signed requests as the org signs them for internal and site users, the pages, the SDK and its refresh. */
class CanvasAppTest {

    static final String SECRET = "sim-canvas-secret";
    SalesforceSimulator sim;
    String acme;
    String contact;
    String partner;
    String manager;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        sim = SalesforceSimulator.start(SimulatorConfig.builder().host("127.0.0.1").port(0).build());
        sim.canvas().configure(SECRET, "http://127.0.0.1:1/jbp/canvas");
        String admin = sim.org().adminUserId();
        acme = sim.org().insert("Account", Map.of("Name", "Acme", "IsPartner", true, "OwnerId", admin));
        contact = sim.org().insert("Contact", Map.of("LastName", "Partner", "FirstName", "Pat", "AccountId", acme,
                "OwnerId", admin));
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("Username", "pat@acme.example");
        u.put("FirstName", "Pat");
        u.put("LastName", "Partner");
        u.put("Email", "pat@acme.example");
        u.put("IsActive", true);
        u.put("ProfileId", SalesforceIds.to18("00e000000000PRT"));
        partner = sim.org().insertPartnerUser(contact, u);
        Map<String, Object> m = new LinkedHashMap<>(u);
        m.put("Username", "cam@vendor.example");
        m.put("ProfileId", SalesforceIds.to18("00e000000000CAM"));
        m.put("UserType", "Standard");
        manager = sim.org().insert("User", m);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    static String verify(String signed) throws Exception {
        String encoded = signed.substring(signed.indexOf('.') + 1);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(encoded.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(expected, signed.substring(0, signed.indexOf('.')), "MAC over the Base64 envelope");
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    static String token(String json) {
        Matcher m = Pattern.compile("\"oauthToken\":\"([^\"]+)\"").matcher(json);
        assertTrue(m.find(), json);
        return m.group(1);
    }

    HttpResponse<String> get(String url, String session) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (session != null) {
            b.header("Authorization", "Bearer " + session);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void siteUserRequestCarriesTheSiteAndAPartnerProfileAndTheContactsAccountIsTheirs() throws Exception {
        String json = verify(sim.canvas().signedRequest(partner, CanvasApp.Location.SITE, null));
        assertTrue(json.contains("\"siteUrl\":\"" + sim.baseUrl() + "/\""), json);
        assertTrue(json.contains("\"siteUrlPrefix\":\"/partners\""), json);
        assertTrue(json.contains("\"profileId\":\"00e000000000PRT"), json);
        assertTrue(json.contains("\"issuedAt\":null"), json);
        assertFalse(json.contains("\"record\""), "a site page has no record in context");
        // the partner user's AccountId, read as the user over REST, is their contact's account
        HttpResponse<String> me = get(sim.baseUrl() + "/services/data/v64.0/sobjects/User/" + partner, token(json));
        assertEquals(200, me.statusCode(), me.body());
        assertTrue(me.body().contains("\"AccountId\":\"" + acme + "\""), me.body());
        assertTrue(me.body().contains("\"ContactId\":\"" + contact + "\""), me.body());
    }

    @Test
    void internalUserRequestHasTheRecordAndNoSite() throws Exception {
        String json = verify(sim.canvas().signedRequest(manager, CanvasApp.Location.LIGHTNING, acme));
        assertTrue(json.contains("\"siteUrl\":null"), json);
        assertTrue(json.contains("\"Id\":\"" + acme + "\""), json);
        assertTrue(json.contains("\"displayLocation\":\"Visualforce\""), json);
    }

    @Test
    void expiredSessionsMakeTheTokenAndTheRefreshFail() throws Exception {
        String json = verify(sim.canvas().signedRequest(partner, CanvasApp.Location.SITE, null));
        String url = sim.baseUrl() + "/services/data/v64.0/sobjects/User/" + partner;
        assertEquals(200, get(url, token(json)).statusCode());
        assertEquals(1, sim.expireSessionsOf(partner));
        HttpResponse<String> after = get(url, token(json));
        assertEquals(401, after.statusCode());
        assertTrue(after.body().contains("INVALID_SESSION_ID"), after.body());
    }

    @Test
    void sitePagePostsTheSignedRequestIntoTheCanvasFrameAndRefreshesFromTheSameSession() throws Exception {
        HttpResponse<String> page = get(sim.sitePageUrl(partner), null);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("action=\"http://127.0.0.1:1/jbp/canvas\""), page.body());
        Matcher t = Pattern.compile("body: '([A-Za-z0-9_-]+)'").matcher(page.body());
        assertTrue(t.find(), page.body());
        HttpResponse<String> refreshed = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/sim/canvas/refresh"))
                .POST(HttpRequest.BodyPublishers.ofString(t.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertTrue(verify(refreshed.body()).contains("\"siteUrlPrefix\":\"/partners\""));
        sim.expireSessionsOf(partner);
        HttpResponse<String> ended = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/sim/canvas/refresh"))
                .POST(HttpRequest.BodyPublishers.ofString(t.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, ended.statusCode());
    }

    @Test
    void theOrgServesTheCanvasSdk() throws Exception {
        HttpResponse<String> sdk = get(sim.baseUrl() + "/canvas/sdk/js/64.0/canvas-all.js", null);
        assertEquals(200, sdk.statusCode());
        assertTrue(sdk.body().contains("refreshSignedRequest"));
        assertEquals(404, get(sim.baseUrl() + "/canvas/sdk/js/latest/other.js", null).statusCode());
    }
}
