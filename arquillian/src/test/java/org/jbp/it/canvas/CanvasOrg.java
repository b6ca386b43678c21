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

/**
 * A Salesforce org for canvas tests: the simulator with accounts and users, and signed requests as Salesforce
 * would POST them. The secret, org id and profile ids match the environment failsafe gives Payara
 * (arquillian/pom.xml).
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

    CanvasOrg() {
        String admin = sim.org().adminUserId();
        acme = sim.org().insert("Account", Map.of("Name", "Acme Partners", "IsPartner", true, "OwnerId", admin));
        globex = sim.org().insert("Account", Map.of("Name", "Globex Channel", "IsPartner", true, "OwnerId", admin));
        channelManager = user("Casey", "Manager", "Standard", null);
        approver = user("Avery", "Approver", "Standard", null);
        partnerUser = user("Pat", "Partner", "PowerPartner", acme);
        adminUser = user("Ada", "Admin", "Standard", null);
        nobody = user("Noah", "Body", "Standard", null);
    }

    private String user(String first, String last, String type, String accountId) {
        Map<String, Object> u = new LinkedHashMap<>();
        u.put("Username", first.toLowerCase() + "@canvas.test");
        u.put("FirstName", first);
        u.put("LastName", last);
        u.put("Email", first.toLowerCase() + "@canvas.test");
        u.put("IsActive", true);
        u.put("UserType", type);
        if (accountId != null) {
            u.put("AccountId", accountId);
        }
        return sim.org().insert("User", u);
    }

    String organizationId() {
        return sim.org().organizationId();
    }

    /** The envelope Salesforce signs, with a fresh session for the user as client.oauthToken. */
    String envelope(String userId, String profileId, String recordId, Instant issuedAt, String orgId) {
        String record = recordId == null ? "" : "\"record\":{\"attributes\":{\"type\":\"Account\"},\"Id\":\"" + recordId + "\"},";
        return "{\"algorithm\":\"HMACSHA256\",\"issuedAt\":" + issuedAt.getEpochSecond() + ",\"userId\":\"" + userId + "\","
                + "\"client\":{\"instanceId\":\"_:JBP_Joint_Business_Plans:j_id0:j_id1\",\"oauthToken\":\""
                + sim.sessionFor(userId) + "\",\"instanceUrl\":\"" + sim.baseUrl() + "\",\"targetOrigin\":\""
                + sim.baseUrl() + "\"},"
                + "\"context\":{\"user\":{\"userId\":\"" + userId + "\",\"userName\":\"u@canvas.test\",\"fullName\":\"Canvas User\","
                + "\"profileId\":\"" + profileId + "\",\"roleId\":null,\"userType\":\"STANDARD\",\"language\":\"en_US\"},"
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
