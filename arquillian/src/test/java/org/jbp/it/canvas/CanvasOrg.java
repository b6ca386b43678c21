package org.jbp.it.canvas;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jbp.sfsim.SalesforceSimulator;
import org.jbp.sfsim.SimulatorConfig;
import org.jbp.sfsim.canvas.CanvasApp;
import org.jbp.sfsim.store.SalesforceIds;

/**
 * A Salesforce org for canvas tests: the simulator with accounts and users, and signed requests as Salesforce
 * would POST them: crafted here (for the hostile cases) or signed by the simulator's canvas app (internal users
 * on the Lightning page, the partner user in the Experience Cloud site). The secret, org id and profile ids
 * match the environment failsafe gives Payara (arquillian/pom.xml); profiles match on their first 15
 * characters, so the users carry valid 18-character forms of them.
 */
final class CanvasOrg implements AutoCloseable {

    static final String SECRET = "canvas-test-secret-8d1e";
    static final String CHANNEL_MANAGER_PROFILE = "00e000000000CAMAAA";
    static final String APPROVER_PROFILE = "00e000000000APPAAA";
    static final String PARTNER_PROFILE = "00e000000000PRTAAA";
    static final String ADMIN_PROFILE = "00e000000000ADMAAA";
    static final String NOBODY_PROFILE = "00e000000000NOBAAA";

    final SalesforceSimulator sim = SalesforceSimulator.start(SimulatorConfig.builder().host("127.0.0.1").port(0).build());
    final String acme;
    final String globex;
    final String channelManager;
    final String approver;
    final String partnerUser;
    final String adminUser;
    final String nobody;
    /** A partner user of the site: a contact of Acme, their User's AccountId derived from it. */
    final String siteUser;
    final String siteContact;

    CanvasOrg() {
        String admin = sim.org().adminUserId();
        acme = sim.org().insert("Account", Map.of("Name", "Acme Partners", "IsPartner", true, "OwnerId", admin));
        globex = sim.org().insert("Account", Map.of("Name", "Globex Channel", "IsPartner", true, "OwnerId", admin));
        channelManager = user("Casey", "Manager", "Standard", null, CHANNEL_MANAGER_PROFILE);
        approver = user("Avery", "Approver", "Standard", null, APPROVER_PROFILE);
        partnerUser = user("Pat", "Partner", "PowerPartner", acme, PARTNER_PROFILE);
        adminUser = user("Ada", "Admin", "Standard", null, ADMIN_PROFILE);
        nobody = user("Noah", "Body", "Standard", null, NOBODY_PROFILE);
        siteContact = sim.org().insert("Contact", Map.of("FirstName", "Sam", "LastName", "Site", "AccountId", acme,
                "OwnerId", admin));
        siteUser = sim.org().insertPartnerUser(siteContact, fields("Sam", "Site", PARTNER_PROFILE));
    }

    /** Where Salesforce POSTs: the canvas URL of the connected app, on the deployment under test. */
    void canvasUrl(String base) {
        sim.canvas().configure(SECRET, base + "/jbp/canvas");
    }

    /** Signed by the org's canvas app, as Salesforce signs it for this page. */
    String orgSigned(String userId, CanvasApp.Location location, String recordId) {
        return sim.canvas().signedRequest(userId, location, recordId);
    }

    private Map<String, Object> fields(String first, String last, String profile) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("Username", first.toLowerCase() + "@canvas.test");
        u.put("FirstName", first);
        u.put("LastName", last);
        u.put("Email", first.toLowerCase() + "@canvas.test");
        u.put("IsActive", true);
        u.put("ProfileId", SalesforceIds.to18(profile.substring(0, 15)));
        return u;
    }

    private String user(String first, String last, String type, String accountId, String profile) {
        Map<String, Object> u = fields(first, last, profile);
        u.put("UserType", type);
        if (accountId != null) {
            u.put("AccountId", accountId);
        }
        return sim.org().insert("User", u);
    }

    String organizationId() {
        return sim.org().organizationId();
    }

    /** The envelope Salesforce signs, with a fresh session for the user as client.oauthToken; issuedAt may be null. */
    String envelope(String userId, String profileId, String recordId, Instant issuedAt, String orgId) {
        return envelope(userId, profileId, recordId, issuedAt, orgId, sim.sessionFor(userId), null);
    }

    /** As above with a given token, and siteUrl (null: an internal user's request). */
    String envelope(String userId, String profileId, String recordId, Instant issuedAt, String orgId, String token,
            String siteUrl) {
        String site = siteUrl == null ? "\"siteUrl\":null,\"siteUrlPrefix\":null,"
                : "\"siteUrl\":\"" + siteUrl + "\",\"siteUrlPrefix\":\"/partners\",";
        String record = recordId == null ? "" : "\"record\":{\"attributes\":{\"type\":\"Account\"},\"Id\":\"" + recordId + "\"},";
        return "{\"algorithm\":\"HMACSHA256\",\"issuedAt\":" + (issuedAt == null ? "null" : issuedAt.getEpochSecond())
                + ",\"userId\":\"" + userId + "\","
                + "\"client\":{\"instanceId\":\"_:JBP_Joint_Business_Plans:j_id0:j_id1\",\"oauthToken\":\""
                + token + "\",\"instanceUrl\":\"" + sim.baseUrl() + "\",\"targetOrigin\":\""
                + sim.baseUrl() + "\"},"
                + "\"context\":{\"user\":{\"userId\":\"" + userId + "\",\"userName\":\"u@canvas.test\",\"fullName\":\"Canvas User\","
                + "\"profileId\":\"" + profileId + "\",\"roleId\":null," + site + "\"userType\":\"STANDARD\",\"language\":\"en_US\"},"
                + "\"organization\":{\"organizationId\":\"" + orgId + "\",\"name\":\"JBP Test\",\"currencyIsoCode\":\"USD\"},"
                + "\"environment\":{" + record + "\"displayLocation\":\"Visualforce\",\"parameters\":{}}}}";
    }

    String signedRequest(String userId, String profileId, String recordId) {
        return sign(envelope(userId, profileId, recordId, Instant.now(), organizationId()), SECRET);
    }

    static String sign(String json, String secret) {
        try {
            String encoded = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(encoded.getBytes(StandardCharsets.US_ASCII))) + "." + encoded;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sim.close();
    }
}
