package org.jbp.it.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.jbp.it.Api;
import org.jbp.it.Fixtures;
import org.jbp.it.TestEnvironment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /jbp/canvas with Salesforce's signed request, the tab token against the API, and every refusal. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CanvasIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestEnvironment.freshDeployment();
    }

    static CanvasOrg org;

    @ArquillianResource
    URL deployed;

    String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startOrg() {
        org = new CanvasOrg();
    }

    @AfterAll
    static void stopOrg() {
        org.close();
    }

    @BeforeEach
    void connect() {
        base = Api.at(deployed).base();
    }

    HttpResponse<String> postCanvas(String signedRequest) throws Exception {
        return postCanvas(base, signedRequest);
    }

    /** What Salesforce does when the tab opens: POST the signed request to the node at {@code base}. */
    static HttpResponse<String> postCanvas(String base, String signedRequest) throws Exception {
        return postForm(base, "signed_request=" + URLEncoder.encode(signedRequest, StandardCharsets.UTF_8));
    }

    HttpResponse<String> postForm(String form) throws Exception {
        return postForm(base, form);
    }

    private static HttpResponse<String> postForm(String base, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/jbp/canvas"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject boot(String html) {
        int start = html.indexOf("<script type=\"application/json\" id=\"jbp-boot\">");
        assertTrue(start >= 0, html);
        start = html.indexOf('>', start) + 1;
        String json = html.substring(start, html.indexOf("</script>", start));
        return Json.createReader(new StringReader(json)).readObject();
    }

    static JsonObject claims(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(payload)).readObject();
    }

    @Test
    void channelManagerGetsTheTabAndATokenTheApiTrusts() throws Exception {
        HttpResponse<String> page = postCanvas(org.signedRequest(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme));
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors"));
        assertTrue(page.headers().firstValue("Set-Cookie").isEmpty(), "the tab must not depend on cookies");
        JsonObject boot = boot(page.body());
        assertEquals(org.acme, boot.getString("accountId"));
        assertEquals("account", boot.getString("view"));
        String token = boot.getString("token");
        JsonObject claims = claims(token);
        assertEquals(org.channelManager, claims.getString("sub"));
        assertEquals("channel-manager", claims.getJsonArray("groups").getString(0));
        assertTrue(claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue() <= 900);
        // the REST API accepts the module's token ...
        Api.Reply partners = Api.at(deployed).as(token).get("/jbp/api/v1/partners");
        assertEquals(200, partners.status(), partners.body());
        // ... and still the identity provider's
        assertEquals(200, Api.at(deployed).as(Fixtures.adminToken()).get("/jbp/api/v1/partners").status());
        // a token nobody signed stays out
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
        assertEquals(401, Api.at(deployed).as(forged).get("/jbp/api/v1/partners").status());
    }

    @Test
    void aChannelManagerWhoOpensTheTabIsNamedOnThePlansTheyOwnAsSalesforceNamesThem() throws Exception {
        Api admin = Api.at(deployed).as(Fixtures.adminToken());
        String partner = Fixtures.newAccountId();
        assertEquals(200, admin.put("/jbp/api/v1/partners/" + partner, Fixtures.partner("Named owner", "Gold")).status());
        var template = admin.post("/jbp/api/v1/templates", Fixtures.combinedTemplate("Canvas owner " + System.nanoTime()).build());
        assertEquals(201, template.status(), template.body());
        var created = admin.post("/jbp/api/v1/plans", Json.createObjectBuilder(Fixtures.newPlan(partner,
                template.json().getString("id"), Fixtures.sixSections())).add("ownerId", org.channelManager).build());
        assertEquals(201, created.status(), created.body());
        String plan = "/jbp/api/v1/plans/" + created.json().getString("id");
        assertFalse(admin.get(plan).json().containsKey("ownerName"), "the owner has not used JBP yet");

        assertEquals(200, postCanvas(org.signedRequest(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme))
                .statusCode());
        JsonObject read = admin.get(plan).json();
        assertEquals(org.channelManager, read.getString("ownerId"));
        assertEquals("Casey Manager", read.getString("ownerName", null),
                "the User record's Name, not the context's fullName: " + read);
    }

    @Test
    void tamperedSignedRequestIs401AndRendersNothing() throws Exception {
        String signed = org.signedRequest(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme);
        String sig = signed.substring(0, signed.indexOf('.'));
        String env = new String(Base64.getDecoder().decode(signed.substring(signed.indexOf('.') + 1)), StandardCharsets.UTF_8);
        String tampered = sig + "." + Base64.getEncoder().encodeToString(
                env.replace(CanvasOrg.CHANNEL_MANAGER_PROFILE, CanvasOrg.APPROVER_PROFILE).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = postCanvas(tampered);
        assertEquals(401, r.statusCode());
        assertFalse(r.body().contains("jbp-boot"));
        assertFalse(r.body().contains("<html"));
    }

    @Test
    void everyBrokenSignedRequestIs401() throws Exception {
        String env = org.envelope(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme, Instant.now(),
                org.organizationId());
        assertEquals(401, postCanvas(CanvasOrg.sign(env, "wrong-secret")).statusCode(), "wrong secret");
        String stale = org.envelope(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme,
                Instant.now().minusSeconds(3600), org.organizationId());
        assertEquals(401, postCanvas(CanvasOrg.sign(stale, CanvasOrg.SECRET)).statusCode(), "stale");
        String otherOrg = org.envelope(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme, Instant.now(),
                "00D000000000999AAA");
        assertEquals(401, postCanvas(CanvasOrg.sign(otherOrg, CanvasOrg.SECRET)).statusCode(), "other org");
        String sha1 = env.replace("HMACSHA256", "HMACSHA1");
        assertEquals(401, postCanvas(CanvasOrg.sign(sha1, CanvasOrg.SECRET)).statusCode(), "algorithm");
        assertEquals(401, postForm("nothing=here").statusCode(), "no field");
        assertEquals(401, postCanvas("garbage").statusCode(), "malformed");
        // refused before the body is read: a 401, or the connection closed under the client still sending
        try {
            HttpResponse<String> oversize = postForm("signed_request=" + "A".repeat(70_000));
            assertEquals(401, oversize.statusCode(), "oversize");
        } catch (java.io.IOException closedWhileSending) {
            // nothing rendered either way
        }
        String once = CanvasOrg.sign(env, CanvasOrg.SECRET);
        assertEquals(200, postCanvas(once).statusCode());
        assertEquals(401, postCanvas(once).statusCode(), "replay");
    }

    @Test
    void partnerUserIsScopedToTheirOwnAccount() throws Exception {
        HttpResponse<String> own = postCanvas(org.signedRequest(org.partnerUser, CanvasOrg.PARTNER_PROFILE, null));
        assertEquals(200, own.statusCode(), own.body());
        JsonObject boot = boot(own.body());
        assertEquals(org.acme, boot.getString("accountId"));
        JsonObject claims = claims(boot.getString("token"));
        assertEquals(org.acme, claims.getString("partnerAccountId"));
        assertEquals("partner", claims.getJsonArray("groups").getString(0));
        // Salesforce answers 404 for the other account as this user: no tab
        HttpResponse<String> other = postCanvas(org.signedRequest(org.partnerUser, CanvasOrg.PARTNER_PROFILE, org.globex));
        assertEquals(403, other.statusCode());
        assertFalse(other.body().contains("jbp-boot"));
    }

    @Test
    void userWithoutAMappedProfileIsRefused() throws Exception {
        HttpResponse<String> r = postCanvas(org.signedRequest(org.nobody, CanvasOrg.NOBODY_PROFILE, org.acme));
        assertEquals(403, r.statusCode());
        assertFalse(r.body().contains("jbp-boot"));
    }

    @Test
    void revokedSalesforceSessionIsRefused() throws Exception {
        String env = org.envelope(org.approver, CanvasOrg.APPROVER_PROFILE, org.acme, Instant.now(), org.organizationId())
                .replaceFirst("\"oauthToken\":\"[^\"]+\"", "\"oauthToken\":\"00Dxx!revoked\"");
        assertEquals(403, postCanvas(CanvasOrg.sign(env, CanvasOrg.SECRET)).statusCode());
    }

    @Test
    void tabTokenIsRenewedButNotTheIdentityProvidersToken() throws Exception {
        JsonObject boot = boot(postCanvas(org.signedRequest(org.approver, CanvasOrg.APPROVER_PROFILE, null)).body());
        assertEquals("portfolio", boot.getString("view"));
        String token = boot.getString("token");
        Api.Reply renewed = Api.at(deployed).as(token).post("/jbp/api/v1/canvas/session", "{}");
        assertEquals(200, renewed.status(), renewed.body());
        String fresh = renewed.json().getString("token");
        assertNotEquals(token, fresh);
        assertEquals(claims(token).getJsonNumber("jbp_session_end"), claims(fresh).getJsonNumber("jbp_session_end"));
        assertEquals(200, Api.at(deployed).as(fresh).get("/jbp/api/v1/partners").status());
        assertEquals(403, Api.at(deployed).as(Fixtures.adminToken()).post("/jbp/api/v1/canvas/session", "{}").status());
        assertEquals(401, Api.at(deployed).anonymous().post("/jbp/api/v1/canvas/session", "{}").status());
    }

    @Test
    void demoLoginDoesNotExistOutsideDemoMode() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/jbp/demo")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode());
        HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/jbp/demo/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("role=admin")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, login.statusCode());
    }

    @Test
    void getOnTheCanvasUrlIsNotAnEntry() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/jbp/canvas")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, r.statusCode());
    }
}
