package org.jbp.it.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
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
import org.jbp.sfsim.canvas.CanvasApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /jbp/canvas with Salesforce's signed request, the tab token against the API, and every refusal. */
class CanvasIT extends WithCanvasOrg {

    String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeEach
    void connect() {
        base = Api.at(deployed).base();
        org.canvasUrl(base);
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
        HttpResponse<String> refused = postCanvas(CanvasOrg.sign(env, "wrong-secret"));
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertFalse(refused.body().contains("signature"), "the body does not say which check failed: " + refused.body());
    }

    @Test
    void nullAndHoursOldIssuedAtOpenTheTab() throws Exception {
        // Salesforce documents issuedAt as "for internal use only" and may send null
        String none = org.envelope(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme, null,
                org.organizationId());
        assertEquals(200, postCanvas(CanvasOrg.sign(none, CanvasOrg.SECRET)).statusCode(), "issuedAt null");
        String old = org.envelope(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme,
                Instant.now().minusSeconds(5 * 3600), org.organizationId());
        HttpResponse<String> page = postCanvas(CanvasOrg.sign(old, CanvasOrg.SECRET));
        assertEquals(200, page.statusCode(), "issuedAt five hours old");
        assertEquals(org.acme, boot(page.body()).getString("accountId"));
    }

    @Test
    void theSameSignedRequestTwiceOpensTheTabTwice() throws Exception {
        // a reload of the same record posts the same request again
        String once = org.signedRequest(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme);
        assertEquals(200, postCanvas(once).statusCode());
        long lookUps = org.sim.apiCalls().count("rest:retrieve");
        HttpResponse<String> again = postCanvas(once);
        assertEquals(200, again.statusCode(), again.body());
        assertTrue(again.body().contains("jbp-boot"));
        // the token's live check is remembered briefly: the reload reads only the account again
        assertEquals(lookUps + 1, org.sim.apiCalls().count("rest:retrieve"));
    }

    @Test
    void aTokenTheOrgHasExpiredIsRefusedAndRendersNothing() throws Exception {
        String signed = org.signedRequest(org.approver, CanvasOrg.APPROVER_PROFILE, org.acme);
        org.sim.expireSessionsOf(org.approver);
        HttpResponse<String> r = postCanvas(signed);
        assertEquals(401, r.statusCode(), "authentic, but its OAuth token is no longer accepted by Salesforce");
        assertFalse(r.body().contains("jbp-boot"));
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
        assertEquals(401, postCanvas(CanvasOrg.sign(env, CanvasOrg.SECRET)).statusCode());
    }

    /** What the tab does before its token expires: ask the SDK for a fresh signed request and trade it. */
    Api.Reply renew(String tabToken, String freshSignedRequest) {
        return Api.at(deployed).as(tabToken).post("/jbp/api/v1/canvas/session",
                Json.createObjectBuilder().add("signedRequest", freshSignedRequest).build());
    }

    @Test
    void tabTokenIsRenewedWithAFreshSignedRequestButNotTheIdentityProvidersToken() throws Exception {
        JsonObject boot = boot(postCanvas(org.signedRequest(org.approver, CanvasOrg.APPROVER_PROFILE, null)).body());
        assertEquals("portfolio", boot.getString("view"));
        assertEquals(org.sim.baseUrl() + "/canvas/sdk/js/64.0/canvas-all.js", boot.getString("sdkUrl"),
                "the tab loads the Canvas SDK from the org");
        String token = boot.getString("token");
        Api.Reply renewed = renew(token, org.signedRequest(org.approver, CanvasOrg.APPROVER_PROFILE, null));
        assertEquals(200, renewed.status(), renewed.body());
        String fresh = renewed.json().getString("token");
        assertNotEquals(token, fresh);
        assertEquals(org.approver, claims(fresh).getString("sub"));
        assertFalse(claims(fresh).containsKey("jbp_session_end"), "no local session that outlives Salesforce's");
        assertEquals(200, Api.at(deployed).as(fresh).get("/jbp/api/v1/partners").status());
        assertEquals(403, Api.at(deployed).as(Fixtures.adminToken()).post("/jbp/api/v1/canvas/session", "{}").status());
        assertEquals(401, Api.at(deployed).anonymous().post("/jbp/api/v1/canvas/session", "{}").status());
    }

    @Test
    void renewalIsRefusedOnceTheSalesforceSessionHasEnded() throws Exception {
        String token = boot(postCanvas(org.signedRequest(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE,
                org.acme)).body()).getString("token");
        // the SDK's refresh within the same Salesforce session carries the same OAuth token
        String fresh = org.signedRequest(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme);
        assertEquals(200, renew(token, fresh).status());
        // the next refresh carries a token of the user's Salesforce session, which then ends
        String later = org.sim.sessionFor(org.channelManager);
        org.sim.expireSessionsOf(org.channelManager);
        String after = CanvasOrg.sign(org.envelope(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme,
                null, org.organizationId(), later, null), CanvasOrg.SECRET);
        Api.Reply ended = renew(token, after);
        assertEquals(401, ended.status(), ended.body());
        assertEquals("application/problem+json", ended.contentType());
    }

    @Test
    void renewalNeedsASignedRequestOfTheSameUser() throws Exception {
        String token = boot(postCanvas(org.signedRequest(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE,
                org.acme)).body()).getString("token");
        Api.Reply other = renew(token, org.signedRequest(org.approver, CanvasOrg.APPROVER_PROFILE, org.acme));
        assertEquals(403, other.status(), "someone else's signed request does not renew this tab");
        Api.Reply none = Api.at(deployed).as(token).post("/jbp/api/v1/canvas/session", "{}");
        assertEquals(422, none.status(), "outside demo mode a tab token renews only against a signed request");
        assertEquals("application/problem+json", none.contentType());
        Api.Reply forged = renew(token, CanvasOrg.sign(org.envelope(org.channelManager,
                CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme, null, org.organizationId()), "wrong-secret"));
        assertEquals(401, forged.status());
        Api.Reply garbage = Api.at(deployed).as(token).post("/jbp/api/v1/canvas/session", "{\"signedRequest\":42}");
        assertEquals(400, garbage.status(), garbage.body());
    }

    @Test
    void internalUsersLightningPageRequestIsRendered() throws Exception {
        HttpResponse<String> page = postCanvas(org.orgSigned(org.channelManager, CanvasApp.Location.LIGHTNING, org.acme));
        assertEquals(200, page.statusCode(), page.body());
        JsonObject boot = boot(page.body());
        assertEquals(org.acme, boot.getString("accountId"));
        assertEquals("channel-manager", boot.getJsonObject("user").getJsonArray("groups").getString(0));
        assertFalse(boot.containsKey("siteUrl"));
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self' " + org.sim.baseUrl() + ";"), csp);
    }

    @Test
    void siteUsersRequestIsRenderedForTheirContactsAccountOnly() throws Exception {
        HttpResponse<String> page = postCanvas(org.orgSigned(org.siteUser, CanvasApp.Location.SITE, null));
        assertEquals(200, page.statusCode(), page.body());
        JsonObject boot = boot(page.body());
        assertEquals(org.acme, boot.getString("accountId"), "the account of the user's contact, read as the user");
        assertEquals(org.sim.baseUrl() + "/partners", boot.getString("siteUrl"));
        JsonObject claims = claims(boot.getString("token"));
        assertEquals(org.acme, claims.getString("partnerAccountId"));
        assertEquals("partner", claims.getJsonArray("groups").getString(0));
        assertEquals(1, claims.getJsonArray("groups").size());
    }

    @Test
    void siteUserWorksOnTheirOwnAccountsPlansOnly() throws Exception {
        int year = java.time.Year.now(java.time.ZoneOffset.UTC).getValue();
        Api admin = Api.at(deployed).as(Fixtures.adminToken());
        Api cam = Api.at(deployed).as(TestEnvironment.token(org.channelManager, "Casey Manager",
                java.util.List.of("channel-manager"), null));
        for (String account : new String[] {org.acme, org.globex}) {
            assertEquals(200, admin.put("/jbp/api/v1/partners/" + account, Json.createObjectBuilder()
                    .add("name", account.equals(org.acme) ? "Acme Partners" : "Globex Channel").add("tier", "Gold")
                    .add("partnerType", "Reseller").add("ownerId", org.channelManager).add("region", "EMEA").build())
                    .status());
        }
        Api.Reply template = admin.post("/jbp/api/v1/templates", Json.createObjectBuilder(
                Fixtures.combinedTemplate("Site " + System.nanoTime()).build()).add("partnerAcceptance", true)
                .add("approvalChain", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("name", "Channel director").add("role", "approver").add("slaHours", 48))).build());
        assertEquals(201, template.status(), template.body());
        String templateId = template.json().getString("id");
        String own = cam.post("/jbp/api/v1/plans", Fixtures.newPlan(org.acme, templateId, Fixtures.sixSections(year), year))
                .json().getString("id");
        String theirs = cam.post("/jbp/api/v1/plans", Fixtures.newPlan(org.globex, templateId, Fixtures.sixSections(year), year))
                .json().getString("id");

        String token = boot(postCanvas(org.orgSigned(org.siteUser, CanvasApp.Location.SITE, null)).body()).getString("token");
        Api partner = Api.at(deployed).as(token);
        java.util.List<String> listed = partner.get("/jbp/api/v1/plans").array().getValuesAs(JsonObject.class).stream()
                .map(p -> p.getString("id")).toList();
        assertTrue(listed.contains(own), listed.toString());
        assertFalse(listed.contains(theirs), "another partner's plan is not listed");
        assertEquals(404, partner.get("/jbp/api/v1/plans/" + theirs).status());
        assertTrue(partner.get("/jbp/api/v1/partners/" + org.globex + "/plans").array().isEmpty());

        Api.Reply draft = partner.get("/jbp/api/v1/plans/" + own);
        Api.Reply edited = partner.patch("/jbp/api/v1/plans/" + own, draft.header("ETag"), "{\"title\":\"Acme plan as the partner sees it\"}");
        assertEquals(200, edited.status(), edited.body());
        assertEquals(404, partner.patch("/jbp/api/v1/plans/" + theirs, "\"1\"", "{\"title\":\"mine now\"}").status());
        Api.Reply comment = partner.post("/jbp/api/v1/plans/" + own + "/comments",
                Json.createObjectBuilder().add("section", "campaigns").add("body", "We can staff the April webinar").build());
        assertEquals(201, comment.status(), comment.body());
        assertEquals(org.siteUser, comment.json().getString("authorId"), comment.body());

        assertEquals(200, cam.post("/jbp/api/v1/plans/" + own + "/submit", "").status());
        assertEquals(200, cam.post("/jbp/api/v1/plans/" + theirs + "/submit", "").status());
        assertEquals(404, partner.post("/jbp/api/v1/plans/" + theirs + "/acceptance", "").status());
        Api.Reply accepted = partner.post("/jbp/api/v1/plans/" + own + "/acceptance", "");
        assertEquals(200, accepted.status(), accepted.body());
        JsonObject step = cam.get("/jbp/api/v1/plans/" + own).json().getJsonObject("lifecycle").getJsonObject("currentStep");
        assertEquals("Channel director", step.getString("name"), "accepted by the partner, on to the approver");
    }

    @Test
    void siteOutsideTheAllowedDomainsIsRefused() throws Exception {
        String env = org.envelope(org.siteUser, CanvasOrg.PARTNER_PROFILE, null, null, org.organizationId(),
                org.sim.sessionFor(org.siteUser), "https://partners.attacker.example/");
        HttpResponse<String> r = postCanvas(CanvasOrg.sign(env, CanvasOrg.SECRET));
        assertEquals(403, r.statusCode());
        assertFalse(r.body().contains("jbp-boot"));
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
