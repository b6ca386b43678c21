package org.jbp.canvas.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jbp.canvas.entity.CanvasRequest;
import org.junit.jupiter.api.Test;

/**
 * Signed requests are built here the way Salesforce builds them, by {@code openssl} (a different
 * implementation than the verifier's JCA code); only where openssl is missing does the test fall back to
 * its own JCA-based signer.
 */
class SignedRequestVerifierTest {

    static final String SECRET = "8123456789012345678";
    static final String ORG = "00D000000000001AAA";
    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final ReplayGuard replays = new ReplayGuard();
    final SignedRequestVerifier verifier =
            new SignedRequestVerifier(SECRET, ORG, Duration.ofMinutes(5), 32_768, clock, replays);

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
    void staleIssuedAtIsRefused() {
        String json = envelope("HMACSHA256", NOW.minus(Duration.ofMinutes(6)).getEpochSecond(), ORG);
        assertThrows(CanvasRejected.class, () -> verifier.verify(sign(json, SECRET)));
    }

    @Test
    void issuedAtFarInTheFutureIsRefused() {
        String json = envelope("HMACSHA256", NOW.plus(Duration.ofMinutes(10)).getEpochSecond(), ORG);
        assertThrows(CanvasRejected.class, () -> verifier.verify(sign(json, SECRET)));
    }

    @Test
    void issuedAtInMillisecondsIsUnderstood() throws Exception {
        String json = envelope("HMACSHA256", NOW.toEpochMilli() - 5_000, ORG);
        assertEquals(NOW.getEpochSecond() - 5, verifier.verify(sign(json, SECRET)).issuedAtEpochSeconds());
    }

    @Test
    void missingOrNullIssuedAtIsRefused() {
        String json = envelope("HMACSHA256", "null", ORG);
        assertThrows(CanvasRejected.class, () -> verifier.verify(sign(json, SECRET)));
    }

    @Test
    void replayedSignatureIsRefused() throws Exception {
        String signed = sign(validEnvelope(), SECRET);
        verifier.verify(signed);
        CanvasRejected e = assertThrows(CanvasRejected.class, () -> verifier.verify(signed));
        assertTrue(e.getMessage().contains("replayed"));
    }

    @Test
    void replayMemoryForgetsWhatWouldBeStaleAnyway() throws Exception {
        verifier.verify(sign(validEnvelope(), SECRET));
        Clock later = Clock.fixed(NOW.plus(Duration.ofMinutes(6)), ZoneOffset.UTC);
        SignedRequestVerifier tomorrow =
                new SignedRequestVerifier(SECRET, ORG, Duration.ofMinutes(5), 32_768, later, replays);
        String fresh = envelope("HMACSHA256", later.instant().getEpochSecond(), ORG);
        tomorrow.verify(sign(fresh, SECRET));
        assertEquals(1, replays.size());
    }

    @Test
    void anotherOrganizationIsRefused() {
        String json = envelope("HMACSHA256", NOW.getEpochSecond(), "00D000000000009AAA");
        assertThrows(CanvasRejected.class, () -> verifier.verify(sign(json, SECRET)));
    }

    @Test
    void fifteenCharacterOrganizationIdInConfigurationMatches() throws Exception {
        SignedRequestVerifier v = new SignedRequestVerifier(SECRET, ORG.substring(0, 15), Duration.ofMinutes(5),
                32_768, clock, new ReplayGuard());
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
        SignedRequestVerifier unconfigured =
                new SignedRequestVerifier("", ORG, Duration.ofMinutes(5), 32_768, clock, new ReplayGuard());
        assertThrows(CanvasRejected.class, () -> unconfigured.verify(sign(validEnvelope(), "")));
    }
}
