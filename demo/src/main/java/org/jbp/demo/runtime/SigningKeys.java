package org.jbp.demo.runtime;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The demo's stand-in for an identity provider: an RSA key pair made on first run and kept in a folder, so tokens
 * printed yesterday still verify today. Payara reads only the public PEM; the private key stays in the data folder,
 * which is gitignored.
 */
public final class SigningKeys {

    static final String PRIVATE_KEY_FILE = "jwt-private.pem";
    static final String PUBLIC_KEY_FILE = "jwt-public.pem";

    private final KeyPair keys;
    private final Path publicKeyFile;
    private final String issuer;

    private SigningKeys(KeyPair keys, Path publicKeyFile, String issuer) {
        this.keys = keys;
        this.publicKeyFile = publicKeyFile;
        this.issuer = issuer;
    }

    /** Loads the key pair kept in {@code folder}, or makes and keeps one when there is none yet. */
    public static SigningKeys inFolder(Path folder, String issuer) throws IOException {
        Objects.requireNonNull(issuer, "issuer is required");
        Files.createDirectories(folder);
        Path privateFile = folder.resolve(PRIVATE_KEY_FILE);
        Path publicFile = folder.resolve(PUBLIC_KEY_FILE);
        try {
            KeyPair keys = Files.exists(privateFile) ? readPrivate(privateFile) : generate(privateFile);
            // Rewritten on every start: it is derived from the private key and may have been deleted by hand.
            Files.writeString(publicFile, pem("PUBLIC KEY", keys.getPublic().getEncoded()));
            return new SigningKeys(keys, publicFile, issuer);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read or make the demo signing key in " + folder
                    + " (delete the folder to start over)", e);
        }
    }

    private static KeyPair generate(Path privateFile) throws GeneralSecurityException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Files.writeString(privateFile, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        try {
            Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL is all we have
        }
        return keys;
    }

    private static KeyPair readPrivate(Path privateFile) throws GeneralSecurityException, IOException {
        String base64 = Files.readString(privateFile).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
        PublicKey publicKey = rsa.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        return new KeyPair(publicKey, privateKey);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The PEM file Payara verifies tokens with ({@code MP_JWT_VERIFY_PUBLICKEY_LOCATION}). */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    public String issuer() {
        return issuer;
    }

    /**
     * A bearer token as the module expects it: {@code sub} the Salesforce user id, {@code groups} the roles, and
     * {@code partnerAccountId} for partner users (null for everyone else).
     */
    public String token(String subject, String name, List<String> groups, String partnerAccountId, Duration validFor) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .claim("upn", subject)
                .claim("name", name)
                .claim("groups", groups)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validFor)));
        if (partnerAccountId != null) {
            claims.claim("partnerAccountId", partnerAccountId);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(issuer).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a demo token", e);
        }
        return jwt.serialize();
    }
}
