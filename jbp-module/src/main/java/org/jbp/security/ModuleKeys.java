package org.jbp.security;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * The RSA key pair the module signs its own short-lived tab tokens with. Shared between
 * {@link ModuleKeyConfigSource}, which publishes the public half to MicroProfile JWT, and {@link TabTokens},
 * which signs with the private half.
 * <p>
 * Several nodes behind one load balancer must sign with the same key, or a tab's next request lands on a node
 * that refuses its token: the admin then gives every node the same PKCS#8 PEM private key file through
 * {@value #KEY_FILE_VARIABLE} (or the system property {@value #KEY_FILE_PROPERTY}). It is read here directly, not
 * through MicroProfile Config, because the config source that publishes the key is itself being built. Without
 * it, a single node makes a key per deployment and never writes it anywhere: a restart invalidates open tabs'
 * tokens, which the tab survives by asking the user to reopen it.
 */
public final class ModuleKeys {

    static final String KEY_FILE_VARIABLE = "JBP_TAB_SIGNING_KEY_FILE";
    static final String KEY_FILE_PROPERTY = "jbp.tab.signing-key-file";

    private static final KeyPair PAIR = configuredKeyFile().map(ModuleKeys::read).orElseGet(ModuleKeys::generate);
    private static final String KEY_ID = "jbp-module-" + fingerprint(PAIR);

    private ModuleKeys() {
    }

    static KeyPair pair() {
        return PAIR;
    }

    public static String keyId() {
        return KEY_ID;
    }

    /** The public key as a JWK (RFC 7517) for a JWKS. */
    static String publicJwk() {
        RSAPublicKey pub = (RSAPublicKey) PAIR.getPublic();
        return "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KEY_ID + "\",\"n\":\""
                + unsigned(pub.getModulus()) + "\",\"e\":\"" + unsigned(pub.getPublicExponent()) + "\"}";
    }

    static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            bytes = trimmed;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Optional<Path> configuredKeyFile() {
        String file = System.getProperty(KEY_FILE_PROPERTY, System.getenv(KEY_FILE_VARIABLE));
        return file == null || file.isBlank() ? Optional.empty() : Optional.of(Path.of(file.trim()));
    }

    /** An RSA private key in PKCS#8 PEM ({@code openssl genpkey -algorithm RSA}); the public half follows from it. */
    static KeyPair read(Path file) {
        try {
            String pem = Files.readString(file, StandardCharsets.US_ASCII);
            if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
                throw new IllegalStateException("tab signing key " + file + " is not a PKCS#8 PEM private key "
                        + "(-----BEGIN PRIVATE KEY-----); convert it with openssl pkcs8 -topk8 -nocrypt");
            }
            String base64 = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27,
                    pem.indexOf("-----END PRIVATE KEY-----")).replaceAll("\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            if (privateKey.getModulus().bitLength() < 2048) {
                throw new IllegalStateException("tab signing key " + file + " is shorter than 2048 bits");
            }
            return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(),
                    privateKey.getPublicExponent())), privateKey);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the tab signing key " + file, e);
        } catch (GeneralSecurityException | ClassCastException | IllegalArgumentException
                 | StringIndexOutOfBoundsException e) {
            throw new IllegalStateException("tab signing key " + file + " is not an RSA private key", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA unavailable", e);
        }
    }

    private static String fingerprint(KeyPair pair) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 12)
                    .replace('-', 'x').replace('_', 'y');
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
