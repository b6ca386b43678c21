package org.jbp.canvas.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jbp.canvas.entity.CanvasRequest;
import org.junit.jupiter.api.Test;

/**
 * Signed requests are built the way Salesforce builds them, by {@code openssl} (a different implementation
 * than the verifier's JCA code): the committed vectors in {@code src/test/resources/canvas-vectors} were
 * made by its {@code make-vectors.sh} ({@code openssl dgst -sha256 -hmac}); the tampering cases sign on the
 * fly with openssl and only where it is missing fall back to the test's own JCA-based signer.
 */
class SignedRequestVerifierTest {

    static final String SECRET = "8123456789012345678";
    static final String ORG = "00D000000000001AAA";
    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    final SignedRequestVerifier verifier = new SignedRequestVerifier(SECRET, ORG, 32_768);

    /** A vector made by make-vectors.sh. */
    static String vector(String name) throws IOException {
        try (InputStream in = SignedRequestVerifierTest.class.getResourceAsStream("/canvas-vectors/" + name + ".signed")) {
            if (in == null) {
                throw new IllegalStateException("no vector " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
        }
    }

    static String envelope(String algorithm, Object issuedAt, String org) {
        return "{\"algorithm\":\"" + algorithm + "\",\"issuedAt\":" + issuedAt + ",\"userId\":\"005000000000001AAA\","
                + "\"client\":{\"oauthToken\":\"00D!token\",\"instanceUrl\":\"https://example.my.salesforce.com\"},"
                + "\"context\":{\"user\":{\"userId\":\"005000000000001AAA\",\"userName\":\"cam@example.com\","
                + "\"fullName\":\"Casey Manager\",\"profileId\":\"00e000000000001AAA\",\"roleId\":null,"
                + "\"userType\":\"STANDARD\"},\"organization\":{\"organizationId\":\"" + org + "\"},"
                + "\"environment\":{\"record\":{\"Id\":\"001000000000001AAA\"},\"parameters\":{\"view\":\"plan\"}}}}";
    }

    static String validEnvelope() {
        return envelope("HMACSHA256", NOW.getEpochSecond() - 10, ORG);
    }

    /** base64(HMAC-SHA256(secret, base64(json))) + "." + base64(json), computed outside the verifier. */
    static String sign(String json, String secret) {
        String encoded = opensslBase64(json.getBytes(StandardCharsets.UTF_8));
        String signature = opensslHmac(encoded, secret);
        return signature + "." + encoded;
    }

    static boolean opensslPresent() {
        try {
            return new ProcessBuilder("openssl", "version").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String opensslBase64(byte[] data) {
        if (!opensslPresent()) {
            return Base64.getEncoder().encodeToString(data);
        }
        return run(List.of("openssl", "base64", "-A"), data).trim();
    }

    static String opensslHmac(String encodedEnvelope, String secret) {
        byte[] data = encodedEnvelope.getBytes(StandardCharsets.US_ASCII);
        if (!opensslPresent()) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return Base64.getEncoder().encodeToString(mac.doFinal(data));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        byte[] mac = runBytes(List.of("openssl", "dgst", "-sha256", "-hmac", secret, "-binary"), data);
        return opensslBase64(mac);
    }

    static String run(List<String> command, byte[] stdin) {
        return new String(runBytes(command, stdin), StandardCharsets.US_ASCII);
    }

    static byte[] runBytes(List<String> command, byte[] stdin) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream o = p.getInputStream()) {
                o.transferTo(out);
            }
            if (p.waitFor() != 0) {
                throw new IllegalStateException(command + " failed");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void validRequestYieldsTheContext() throws Exception {
        CanvasRequest r = verifier.verify(sign(validEnvelope(), SECRET));
        assertEquals("005000000000001AAA", r.userId());
        assertEquals("00e000000000001AAA", r.profileId());
        assertEquals(null, r.roleId());
        assertEquals("00D!token", r.oauthToken());
        assertEquals("https://example.my.salesforce.com", r.instanceUrl());
        assertEquals("001000000000001AAA", r.accountInContext().orElseThrow());
        assertEquals("plan", r.view().orElseThrow());
    }

    @Test
    void opensslVectorsAreUsedWhenPresent() {
        // a known-answer check of the helper itself, so a broken helper cannot make every test pass
        if (opensslPresent()) {
            assertEquals("aGVsbG8=", opensslBase64("hello".getBytes(StandardCharsets.US_ASCII)));
        }
    }

    @Test
    void tamperedPayloadIsRefused() {
        String signed = sign(validEnvelope(), SECRET);
        String signature = signed.substring(0, signed.indexOf('.'));
        String other = opensslBase64(validEnvelope().replace("005000000000001AAA", "005000000000002AAA")
                .getBytes(StandardCharsets.UTF_8));
        assertThrows(CanvasRejected.class, () -> verifier.verify(signature + "." + other));
    }

    @Test
    void flippedSignatureByteIsRefused() {
        String signed = sign(validEnvelope(), SECRET);
        char first = signed.charAt(0);
        String flipped = (first == 'A' ? 'B' : 'A') + signed.substring(1);
        assertThrows(CanvasRejected.class, () -> verifier.verify(flipped));
    }

    @Test
    void requestSignedWithAnotherSecretIsRefused() {
        assertThrows(CanvasRejected.class, () -> verifier.verify(sign(validEnvelope(), "another-secret")));
    }

    @Test
    void otherAlgorithmIsRefusedEvenWhenSigned() {
        String json = envelope("HMACSHA1", NOW.getEpochSecond(), ORG);
        assertThrows(CanvasRejected.class, () -> verifier.verify(sign(json, SECRET)));
    }

    @Test
    void nullIssuedAtIsAccepted() throws Exception {
        // the Canvas Developer Guide's CanvasRequest example carries "issuedAt": null
        assertEquals("005000000000001AAA", verifier.verify(vector("issued-at-null")).userId());
    }

    @Test
    void absentOrNonNumericIssuedAtIsAccepted() throws Exception {
        assertEquals("005000000000001AAA", verifier.verify(vector("issued-at-absent")).userId());
        assertEquals("005000000000001AAA", verifier.verify(vector("issued-at-text")).userId());
    }

    @Test
    void issuedAtHoursOldIsAccepted() throws Exception {
        // issuedAt 07:00 UTC, the test's now 10:00 UTC: once the time the OAuth token was issued, not the request
        assertEquals("001000000000001AAA", verifier.verify(vector("issued-at-hours-old")).accountInContext().orElseThrow());
    }

    @Test
    void theSameRequestTwiceIsAcceptedTwice() throws Exception {
        // a reload of the same record can post the same signed request again
        String signed = vector("issued-at-null");
        assertEquals(verifier.verify(signed).userId(), verifier.verify(signed).userId());
    }

    @Test
    void siteUserCarriesTheSiteTheyCameFrom() throws Exception {
        CanvasRequest r = verifier.verify(vector("site-user"));
        assertTrue(r.fromSite());
        assertEquals("https://example.my.site.com/", r.siteUrl());
        assertEquals("/partners", r.siteUrlPrefix());
        assertEquals("00e000000000PRTAAA", r.profileId());
        assertTrue(r.accountInContext().isEmpty());
    }

    @Test
    void internalUserWithNullSiteFieldsIsNotASiteUser() throws Exception {
        CanvasRequest r = verifier.verify(vector("issued-at-null"));
        assertFalse(r.fromSite());
        assertNull(r.siteUrlPrefix());
    }

    @Test
    void hostileVectorsAreRefused() throws IOException {
        for (String name : List.of("wrong-secret", "other-organization", "other-algorithm", "user-mismatch")) {
            String signed = vector(name);
            assertThrows(CanvasRejected.class, () -> verifier.verify(signed), name);
        }
    }

    @Test
    void anotherOrganizationIsRefused() {
        String json = envelope("HMACSHA256", NOW.getEpochSecond(), "00D000000000009AAA");
        assertThrows(CanvasRejected.class, () -> verifier.verify(sign(json, SECRET)));
    }

    @Test
    void fifteenCharacterOrganizationIdInConfigurationMatches() throws Exception {
        SignedRequestVerifier v = new SignedRequestVerifier(SECRET, ORG.substring(0, 15), 32_768);
        assertEquals(ORG, v.verify(sign(validEnvelope(), SECRET)).organizationId());
    }

    @Test
    void missingPartsAreRefused() {
        String signed = sign(validEnvelope(), SECRET);
        String signature = signed.substring(0, signed.indexOf('.'));
        String envelope = signed.substring(signed.indexOf('.') + 1);
        for (String input : new String[] {null, "", signature, signature + ".", "." + envelope, envelope,
                signed + ".x", "not base64!." + envelope}) {
            assertThrows(CanvasRejected.class, () -> verifier.verify(input), String.valueOf(input));
        }
    }

    @Test
    void signedEnvelopeWithoutClientOrUserIsRefused() {
        String noClient = validEnvelope().replaceFirst("\"client\":\\{[^}]*},", "");
        String noOauth = validEnvelope().replace("\"oauthToken\":\"00D!token\",", "");
        String noUserId = validEnvelope().replace("\"userId\":\"005000000000001AAA\",\"userName\"", "\"userName\"");
        String notJson = "this is not json";
        for (String json : List.of(noClient, noOauth, noUserId, notJson)) {
            assertThrows(CanvasRejected.class, () -> verifier.verify(sign(json, SECRET)), json);
        }
    }

    @Test
    void oversizeInputIsRefusedBeforeAnyWork() {
        String padded = validEnvelope().replace("\"plan\"", "\"" + "x".repeat(40_000) + "\"");
        assertThrows(CanvasRejected.class, () -> verifier.verify(sign(padded, SECRET)));
    }

    @Test
    void unconfiguredSecretRefusesEverything() {
        SignedRequestVerifier unconfigured = new SignedRequestVerifier("", ORG, 32_768);
        assertThrows(CanvasRejected.class, () -> unconfigured.verify(sign(validEnvelope(), "")));
    }
}
