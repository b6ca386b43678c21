package org.jbp.sfsim.canvas;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jbp.sfsim.Org;
import org.jbp.sfsim.rest.JsonText;
import org.jbp.sfsim.soap.Sessions;

/**
 * The org's side of a Canvas connected app: signs the request Salesforce POSTs to the canvas URL when a page
 * shows the app. Every behaviour cites the page of the Canvas Developer Guide it follows:
 * <ul>
 * <li>The signed request is "the Canvas app consumer secret encrypted with the HMAC SHA-256 algorithm, a
 * period (.), the context and authorization token JSON encoded in Base64": the MAC is computed over the Base64
 * text (Signed Request Authentication,
 * https://developer.salesforce.com/docs/atlas.en-us.platform_connect.meta/platform_connect/canvas_app_signed_req_authentication.htm).</li>
 * <li>Envelope fields {@code algorithm}, {@code issuedAt}, {@code userId}, {@code client}, {@code context};
 * {@code issuedAt} is documented as "For internal use only" and sent here as null (CanvasRequest,
 * https://developer.salesforce.com/docs/atlas.en-us.258.0.platform_connect.meta/platform_connect/canvas_request_object.htm).</li>
 * <li>{@code client}: {@code instanceId}, {@code instanceUrl}, {@code oauthToken} (a live session of the
 * user, so the REST API answers it with that user's visibility), {@code targetOrigin}. No
 * {@code refreshToken}: the connected app does not ask for the refresh_token scope.</li>
 * <li>{@code context.user} with {@code siteUrl}/{@code siteUrlPrefix}/{@code networkId} for a user who opened
 * the app in an Experience Cloud site and null otherwise; the guide's example shows
 * {@code "siteUrl":"https://MyDomainName.my.site.com/", "siteUrlPrefix":"/mySite"} (User object,
 * https://developer.salesforce.com/docs/platform/canvas-framework/guide/user-object.html). Canvas apps in
 * sites are "supported on Experience Cloud sites only for logged in users", so there is no guest user here.</li>
 * <li>{@code context.environment}: {@code displayLocation} (Visualforce for the Visualforce page; the guide's
 * list of values has no entry for the Aura component {@code force:canvasApp}, which the simulator reports
 * as "Aura"), {@code locationUrl}, {@code record} with the entity fields, {@code parameters} (Environment,
 * https://developer.salesforce.com/docs/platform/canvas-framework/guide/environment-object.md).</li>
 * </ul>
 */
public final class CanvasApp {

    /** Where the app is shown; decides displayLocation, the record and the site fields. */
    public enum Location {
        /** The Visualforce page on the Account layout ({@code apex:canvasApp} with entityFields Id,Name). */
        VISUALFORCE,
        /** The Lightning record page of an Account (the same Visualforce page in a tab). */
        LIGHTNING,
        /** The Aura component ({@code force:canvasApp}) on a page of the partner site. */
        SITE
    }

    public static final String DEVELOPER_NAME = "JBP_Joint_Business_Plans";

    private final Org org;
    private final Sessions sessions;
    private final Supplier<String> baseUrl;
    private volatile String consumerSecret;
    private volatile String canvasUrl;
    /** The site's URL path prefix: Experience Cloud sites live under {@code <domain>/<prefix>}. */
    public static final String SITE_PREFIX = "/partners";
    private final String sitePrefix = SITE_PREFIX;

    public CanvasApp(Org org, Sessions sessions, Supplier<String> baseUrl) {
        this.org = org;
        this.sessions = sessions;
        this.baseUrl = baseUrl;
    }

    /** The consumer secret and canvas URL an admin enters in the connected app. */
    public CanvasApp configure(String consumerSecret, String canvasUrl) {
        this.consumerSecret = Objects.requireNonNull(consumerSecret);
        this.canvasUrl = Objects.requireNonNull(canvasUrl);
        return this;
    }

    public String sitePrefix() {
        return sitePrefix;
    }

    public String canvasUrl() {
        requireConfigured();
        return canvasUrl;
    }

    /** A signed request for a user with a new session of theirs, as on a fresh page load. */
    public String signedRequest(String userId, Location location, String recordId) {
        return signedRequest(sessions.create(userId), userId, location, recordId);
    }

    /** A signed request carrying an existing session (a refresh within the same Salesforce session). */
    public String signedRequest(String sessionId, String userId, Location location, String recordId) {
        return sign(envelope(sessionId, userId, location, recordId));
    }

    /** The envelope as JSON, before signing. */
    public String envelope(String sessionId, String userId, Location location, String recordId) {
        requireConfigured();
        Map<String, Object> user = org.get(userId)
                .orElseThrow(() -> new IllegalArgumentException("no user " + userId));
        boolean site = location == Location.SITE;
        String base = baseUrl.get();

        Map<String, Object> client = new LinkedHashMap<>();
        client.put("instanceId", "_:" + DEVELOPER_NAME + ":" + location.name().toLowerCase());
        client.put("instanceUrl", base);
        client.put("oauthToken", sessionId);
        client.put("targetOrigin", base);

        Map<String, Object> application = new LinkedHashMap<>();
        application.put("applicationId", "06P000000000001AAA");
        application.put("authType", "SIGNED_REQUEST");
        application.put("canvasUrl", canvasUrl);
        application.put("developerName", DEVELOPER_NAME);
        application.put("name", "JBP Joint Business Plans");
        application.put("namespace", "");
        application.put("options", List.of());
        application.put("version", "1.0");

        Map<String, Object> u = new LinkedHashMap<>();
        u.put("accessibilityModeEnabled", false);
        u.put("currencyISOCode", "USD");
        u.put("email", user.get("Email"));
        u.put("firstName", user.get("FirstName"));
        u.put("fullName", user.get("Name"));
        // the guide: "indicates whether the user is in an Experience Cloud site (true) or not (false)"
        u.put("isDefaultNetwork", site);
        u.put("language", "en_US");
        u.put("lastName", user.get("LastName"));
        u.put("locale", "en_US");
        u.put("networkId", site ? "0DB000000000001" : null);
        u.put("profileId", user.get("ProfileId"));
        u.put("roleId", null);
        u.put("siteUrl", site ? base + "/" : null);
        u.put("siteUrlPrefix", site ? sitePrefix : null);
        u.put("timeZone", "UTC");
        u.put("userId", userId);
        u.put("userName", user.get("Username"));
        u.put("userType", "PowerPartner".equals(user.get("UserType")) ? "POWER_PARTNER" : "STANDARD");

        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("displayLocation", site ? "Aura" : "Visualforce");
        environment.put("locationUrl", site ? base + sitePrefix + "/s/joint-business-plans"
                : base + "/lightning/r/Account/" + recordId + "/view");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (recordId != null) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("type", "Account");
            attributes.put("url", "/services/data/v64.0/sobjects/Account/" + recordId);
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("attributes", attributes);
            record.put("Id", recordId);
            org.get(recordId).ifPresent(r -> record.put("Name", r.get("Name")));
            environment.put("record", record);
            parameters.put("recordId", recordId);
        }
        parameters.put("view", "account");
        environment.put("parameters", parameters);
        Map<String, Object> dimensions = new LinkedHashMap<>();
        dimensions.put("width", "100%");
        dimensions.put("height", "1200px");
        environment.put("dimensions", dimensions);

        Map<String, Object> organization = new LinkedHashMap<>();
        organization.put("organizationId", org.organizationId());
        organization.put("name", org.organizationName());
        organization.put("currencyIsoCode", "USD");
        organization.put("multicurrencyEnabled", false);
        organization.put("namespacePrefix", null);

        Map<String, Object> links = new LinkedHashMap<>();
        links.put("loginUrl", base);
        links.put("restUrl", "/services/data/v64.0/");
        links.put("sobjectUrl", "/services/data/v64.0/sobjects/");
        links.put("userUrl", "/" + userId);

        Map<String, Object> context = new LinkedHashMap<>();
        context.put("application", application);
        context.put("user", u);
        context.put("environment", environment);
        context.put("organization", organization);
        context.put("links", links);

        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("algorithm", "HMACSHA256");
        envelope.put("issuedAt", null);
        envelope.put("userId", userId);
        envelope.put("client", client);
        envelope.put("context", context);
        return JsonText.write(envelope);
    }

    /** base64(HMAC-SHA256(secret, base64(json))) "." base64(json). */
    public String sign(String json) {
        requireConfigured();
        String encoded = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(consumerSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(encoded.getBytes(StandardCharsets.US_ASCII)))
                    + "." + encoded;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private void requireConfigured() {
        if (consumerSecret == null || canvasUrl == null) {
            throw new IllegalStateException("canvas app not configured: call canvas().configure(secret, canvasUrl)");
        }
    }
}
