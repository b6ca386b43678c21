package org.jbp.canvas.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jbp.canvas.entity.CanvasRequest;

/**
 * Verifies a Canvas {@code signed_request}: {@code base64(HMAC-SHA256(secret, encodedEnvelope)) "."
 * encodedEnvelope}. The MAC is checked over the still-encoded envelope before a single byte of it is
 * decoded, so a forged payload never reaches the JSON parser. Plain Java (no CDI) so it is unit-tested
 * against vectors computed by another implementation.
 *
 * <p>There is deliberately no freshness window and no replay refusal. Salesforce documents the envelope's
 * {@code issuedAt} as "for internal use only" (older guides: when the OAuth token was issued, which can be
 * hours ago) and shows it null; it signs a request on every load, and a reload may post the same request
 * again. What makes a request trustworthy is the MAC, the algorithm and the organization checked here, plus
 * the live check of its OAuth token against Salesforce that {@link CanvasEntry} makes before anything is
 * rendered: a captured request is worth no more than the token inside it, and that dies with the user's
 * Salesforce session.
 */
public final class SignedRequestVerifier {

    /** Salesforce signs with this algorithm name; anything else is refused rather than negotiated. */
    static final String ALGORITHM = "HMACSHA256";
    private final byte[] secret;
    private final String organizationId;
    private final int maxLength;

    public SignedRequestVerifier(String consumerSecret, String organizationId, int maxLength) {
        this.secret = consumerSecret == null ? new byte[0] : consumerSecret.getBytes(StandardCharsets.UTF_8);
        this.organizationId = organizationId == null ? "" : organizationId.trim();
        this.maxLength = maxLength;
    }

    public CanvasRequest verify(String signedRequest) throws CanvasRejected {
        if (secret.length == 0 || organizationId.isEmpty()) {
            throw new CanvasRejected("jbp.canvas.consumer-secret or jbp.canvas.organization-id is not configured");
        }
        if (signedRequest == null || signedRequest.isEmpty()) {
            throw new CanvasRejected("no signed_request");
        }
        if (signedRequest.length() > maxLength) {
            throw new CanvasRejected("signed_request longer than " + maxLength);
        }
        int dot = signedRequest.indexOf('.');
        if (dot <= 0 || dot == signedRequest.length() - 1 || signedRequest.indexOf('.', dot + 1) >= 0) {
            throw new CanvasRejected("signed_request is not <signature>.<envelope>");
        }
        String encodedSignature = signedRequest.substring(0, dot);
        String encodedEnvelope = signedRequest.substring(dot + 1);
        byte[] signature = decode(encodedSignature, "signature");
        byte[] expected = hmac(encodedEnvelope.getBytes(StandardCharsets.US_ASCII));
        if (!MessageDigest.isEqual(expected, signature)) {
            throw new CanvasRejected("signature does not match");
        }
        // Authentic from here on: Salesforce wrote it. Still check it says what we accept.
        JsonObject envelope = parse(decode(encodedEnvelope, "envelope"));
        if (!ALGORITHM.equals(string(envelope, "algorithm"))) {
            throw new CanvasRejected("algorithm is not " + ALGORITHM);
        }
        JsonObject context = object(envelope, "context");
        JsonObject client = object(envelope, "client");
        JsonObject user = object(context, "user");
        JsonObject organization = object(context, "organization");
        String org = required(organization, "organizationId");
        if (!sameOrganization(org)) {
            throw new CanvasRejected("organization " + org + " is not the configured one");
        }
        String userId = required(user, "userId");
        String envelopeUser = string(envelope, "userId");
        if (envelopeUser != null && !envelopeUser.equals(userId)) {
            throw new CanvasRejected("userId and context.user.userId differ");
        }
        String oauthToken = required(client, "oauthToken");
        String instanceUrl = required(client, "instanceUrl");
        JsonObject environment = optionalObject(context, "environment");
        JsonObject record = environment == null ? null : optionalObject(environment, "record");
        JsonObject params = environment == null ? null : optionalObject(environment, "parameters");
        // Experience Cloud site users: Context.User carries the site they are logged in to (the Canvas
        // Developer Guide's User object: siteUrl, siteUrlPrefix, networkId); internal users have none.
        String siteUrl = blankToNull(string(user, "siteUrl"));
        return new CanvasRequest(userId, string(user, "userName"), string(user, "fullName"),
                string(user, "profileId"), string(user, "roleId"), string(user, "userType"), org, oauthToken,
                instanceUrl, record == null ? null : string(record, "Id"), strings(params),
                siteUrl, siteUrl == null ? null : blankToNull(string(user, "siteUrlPrefix")));
    }

    private boolean sameOrganization(String org) {
        // The signed request carries 18 characters; an admin may have pasted the 15 Setup shows.
        if (organizationId.length() == 15 && org.length() == 18) {
            return org.startsWith(organizationId);
        }
        return org.equals(organizationId);
    }

    private byte[] hmac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] decode(String base64, String part) throws CanvasRejected {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new CanvasRejected(part + " is not Base64");
        }
    }

    private static JsonObject parse(byte[] json) throws CanvasRejected {
        try (JsonReader reader = Json.createReader(new StringReader(new String(json, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new CanvasRejected("envelope is not a JSON object");
        }
    }

    private static JsonObject object(JsonObject parent, String name) throws CanvasRejected {
        JsonObject o = optionalObject(parent, name);
        if (o == null) {
            throw new CanvasRejected(name + " missing");
        }
        return o;
    }

    private static JsonObject optionalObject(JsonObject parent, String name) {
        JsonValue v = parent.get(name);
        return v instanceof JsonObject o ? o : null;
    }

    private static String required(JsonObject parent, String name) throws CanvasRejected {
        String s = string(parent, name);
        if (s == null || s.isBlank()) {
            throw new CanvasRejected(name + " missing");
        }
        return s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String string(JsonObject parent, String name) {
        JsonValue v = parent.get(name);
        return v instanceof JsonString s ? s.getString() : null;
    }

    private static Map<String, String> strings(JsonObject o) {
        Map<String, String> out = new LinkedHashMap<>();
        if (o != null) {
            o.forEach((k, v) -> {
                if (v instanceof JsonString s) {
                    out.put(k, s.getString());
                }
            });
        }
        return out;
    }
}
