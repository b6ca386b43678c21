package org.jbp.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues the tab's bearer tokens: RS256 JWTs signed with {@link ModuleKeys}, shaped like the identity
 * provider's (iss, sub, upn, name, groups, partnerAccountId) so the API treats both alike. A token lives at
 * most 15 minutes. It is renewed only against a signed request Salesforce has just issued (the Canvas SDK's
 * refreshSignedRequest), so a tab never outlives the user's Salesforce session by more than one lifetime;
 * {@code jbp_demo} marks the demo login's tokens, the only ones renewed without Salesforce.
 */
@ApplicationScoped
public class TabTokens {

    /** Never longer than this, whatever is configured: a leaked tab token must die quickly. */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(15);
    public static final String DEMO_CLAIM = "jbp_demo";
    public static final String TAB_CLAIM = "jbp_tab";

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "jbp")
    String issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.audiences")
    Optional<String> audiences;

    @Inject
    @ConfigProperty(name = "jbp.canvas.token-lifetime", defaultValue = "PT10M")
    String lifetime;

    public Duration lifetime() {
        Duration d = Duration.parse(lifetime);
        return d.compareTo(MAX_LIFETIME) > 0 || d.isNegative() || d.isZero() ? MAX_LIFETIME : d;
    }

    /** A signed token that expires one lifetime from now. */
    public String issue(String subject, String name, Collection<String> groups, String partnerAccountId,
            boolean demo) {
        Instant now = clock.instant();
        Instant exp = now.plus(lifetime());
        JsonArrayBuilder g = Json.createArrayBuilder();
        groups.forEach(g::add);
        JsonObjectBuilder claims = Json.createObjectBuilder()
                .add("iss", issuer)
                .add("sub", subject)
                .add("upn", subject)
                .add("name", name == null ? subject : name)
                .add("groups", g)
                .add("jti", UUID.randomUUID().toString())
                .add("iat", now.getEpochSecond())
                .add("exp", exp.getEpochSecond())
                .add(TAB_CLAIM, true);
        if (demo) {
            claims.add(DEMO_CLAIM, true);
        }
        if (partnerAccountId != null) {
            claims.add(CurrentUser.PARTNER_ACCOUNT_CLAIM, partnerAccountId);
        }
        audiences.filter(a -> !a.isBlank()).ifPresent(a -> {
            JsonArrayBuilder aud = Json.createArrayBuilder();
            for (String one : a.split(",")) {
                aud.add(one.trim());
            }
            claims.add("aud", aud);
        });
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + ModuleKeys.keyId() + "\"}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64(claims.build().toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(ModuleKeys.pair().getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a tab token", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
