package org.jbp.security;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Lets MicroProfile JWT trust the module's own tab tokens besides the admin's API tokens, without the admin
 * doing anything: it answers {@code mp.jwt.verify.publickey} (which Payara consults before
 * {@code mp.jwt.verify.publickey.location}) with a JWKS holding the admin's key(s) first and the module's key
 * last. The admin's key is read from whatever the admin configured, in any other config source: an inline
 * {@code mp.jwt.verify.publickey} or the PEM/JWKS at {@code mp.jwt.verify.publickey.location}.
 *
 * <p>Payara picks a JWKS key by the token's {@code kid}, and a key without {@code kid} by position (first).
 * A PEM has no key id, so the admin's PEM key is listed under each id in {@code jbp.security.api-key-ids}
 * (the {@code kid}s the identity provider puts in its tokens; default: the issuer name) and as the first key,
 * for tokens without a {@code kid}. A JWKS keeps its own ids.
 */
public class ModuleKeyConfigSource implements ConfigSource {

    static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    static final String LOCATION = "mp.jwt.verify.publickey.location";
    static final String API_KEY_IDS = "jbp.security.api-key-ids";
    static final String DEFAULT_ADMIN_KEY_ID = "jbp-api";
    private static final Duration REFRESH = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(ModuleKeyConfigSource.class.getName());
    /** Resolving the admin's key reads other config sources; a nested lookup of our own key must not recurse. */
    private static final ThreadLocal<Boolean> RESOLVING = new ThreadLocal<>();

    /** What MP-JWT is told: the combined JWKS inline, or the location of a file holding it; the other is null. */
    private record Published(String inline, String location, Instant builtAt) {
        boolean stale() {
            return builtAt.plus(REFRESH).isBefore(Instant.now());
        }
    }

    private volatile Published published;
    private Path file;
    private String written;

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PUBLIC_KEY, LOCATION);
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> out = new java.util.HashMap<>();
        for (String name : getPropertyNames()) {
            String v = getValue(name);
            if (v != null) {
                out.put(name, v);
            }
        }
        return out;
    }

    /**
     * MP-JWT refuses an inline key and a location together, so the combined JWKS is given in the form the
     * admin chose: inline when the admin set {@code mp.jwt.verify.publickey}, otherwise as a file whose
     * location replaces the admin's (which is read here and merged in). Payara asks on every request, so the
     * answer is kept and the other config sources are read again only every {@link #REFRESH}.
     */
    @Override
    public String getValue(String propertyName) {
        if ((!PUBLIC_KEY.equals(propertyName) && !LOCATION.equals(propertyName)) || RESOLVING.get() != null) {
            return null;
        }
        Published current = published;
        if (current == null || current.stale()) {
            current = republish();
        }
        return PUBLIC_KEY.equals(propertyName) ? current.inline() : current.location();
    }

    private synchronized Published republish() {
        if (published != null && !published.stale()) {
            return published;
        }
        RESOLVING.set(Boolean.TRUE);
        try {
            boolean adminInline = otherSource(PUBLIC_KEY).isPresent();
            String jwks = build();
            published = adminInline ? new Published(jwks, null, Instant.now())
                    : new Published(null, jwksFile(jwks), Instant.now());
            return published;
        } finally {
            RESOLVING.remove();
        }
    }

    /** The JWKS written to an owner-only temporary file, rewritten when it changes. */
    private String jwksFile(String jwks) {
        try {
            if (file == null) {
                file = Files.createTempFile("jbp-jwks-", ".json",
                        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
                file.toFile().deleteOnExit();
            }
            if (!jwks.equals(written)) {
                Files.writeString(file, jwks);
                written = jwks;
            }
            return file.toUri().toString();
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.WARNING, "cannot write the combined JWKS; tab tokens will be refused", e);
            return null;
        }
    }

    @Override
    public int getOrdinal() {
        // above system properties (400) and Payara's own sources: the admin's value is merged in, not lost
        return 1000;
    }

    @Override
    public String getName() {
        return "jbp-module-key";
    }

    private String build() {
        List<String> keys = new ArrayList<>();
        try {
            adminKeys(keys);
        } catch (RuntimeException | IOException e) {
            // the tab still works; API tokens from the identity provider will be refused until this is fixed
            LOG.log(Level.WARNING, "cannot read the API verification key; only tab tokens are accepted", e);
        }
        keys.add(ModuleKeys.publicJwk());
        return "{\"keys\":[" + String.join(",", keys) + "]}";
    }

    private void adminKeys(List<String> out) throws IOException {
        Optional<String> inline = otherSource(PUBLIC_KEY);
        String text;
        if (inline.isPresent()) {
            text = inline.get();
        } else {
            Optional<String> location = otherSource(LOCATION);
            if (location.isEmpty()) {
                return;
            }
            text = read(location.get().trim());
        }
        text = text.trim();
        if (text.startsWith("{")) {
            out.addAll(JwksText.keysOf(text));
            return;
        }
        PublicKey key = pem(text);
        List<String> ids = new ArrayList<>();
        ids.add(DEFAULT_ADMIN_KEY_ID);
        // Without a list, the issuer name: identity providers that name their one key after themselves
        // (JBP's demo launcher and test suite do) then need no extra setting.
        otherSource(API_KEY_IDS).or(() -> otherSource("mp.jwt.verify.issuer")).ifPresent(v -> {
            for (String id : v.split(",")) {
                if (!id.isBlank() && !ids.contains(id.trim())) {
                    ids.add(id.trim());
                }
            }
        });
        for (String id : ids) {
            out.add(jwk(key, id));
        }
    }

    private Optional<String> otherSource(String name) {
        for (ConfigSource source : ConfigProvider.getConfig().getConfigSources()) {
            if (source instanceof ModuleKeyConfigSource) {
                continue;
            }
            String v = source.getValue(name);
            if (v != null && !v.isBlank()) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    private static String read(String location) throws IOException {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            try (InputStream in = URI.create(location).toURL().openStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        if (location.startsWith("file:")) {
            return Files.readString(Path.of(URI.create(location.startsWith("file://") ? location
                    : "file://" + location.substring("file:".length()))));
        }
        Path path = Path.of(location);
        if (Files.exists(path)) {
            return Files.readString(path);
        }
        String resource = location.startsWith("/") ? location.substring(1) : location;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no key at " + location);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static PublicKey pem(String text) throws IOException {
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (java.security.GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IOException("the API key is neither an RSA nor an EC public key");
    }

    private static String jwk(PublicKey key, String kid) {
        if (key instanceof RSAPublicKey rsa) {
            return "{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\"" + kid + "\",\"n\":\""
                    + ModuleKeys.unsigned(rsa.getModulus()) + "\",\"e\":\""
                    + ModuleKeys.unsigned(rsa.getPublicExponent()) + "\"}";
        }
        ECPublicKey ec = (ECPublicKey) key;
        return "{\"kty\":\"EC\",\"use\":\"sig\",\"crv\":\"P-256\",\"kid\":\"" + kid + "\",\"x\":\""
                + coordinate(ec.getW().getAffineX()) + "\",\"y\":\"" + coordinate(ec.getW().getAffineY()) + "\"}";
    }

    private static String coordinate(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }
}
