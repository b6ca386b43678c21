package org.jbp.security;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * The RSA key pair the module signs its own short-lived tab tokens with. Made once per class loader (one per
 * deployment) and never written anywhere: a restart invalidates open tabs' tokens, which the tab survives by
 * asking the user to reopen it. Shared between {@link ModuleKeyConfigSource}, which publishes the public half
 * to MicroProfile JWT, and {@link TabTokens}, which signs with the private half.
 */
public final class ModuleKeys {

    private static final KeyPair PAIR = generate();
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
