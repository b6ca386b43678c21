package org.jbp.canvas.control;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a short while, that Salesforce accepted a user's OAuth token, together with the user record
 * Salesforce returned for it. Every signed request is only as trustworthy as the token inside it, so each one
 * is checked against the org; the memory only spares a reload or a renewal within {@code ttl} the call.
 * Only acceptances are remembered (a refused token is asked about again), and tokens are kept as SHA-256
 * digests, never in clear. Plain Java, unit-tested with a fixed clock.
 */
public final class LiveTokenCheck {

    /** Beyond this many remembered tokens the oldest half is dropped: memory stays bounded under load. */
    static final int MAX_ENTRIES = 10_000;

    /** What a look-up made with the token answered. */
    public interface Lookup {
        /** The user record read with the token; throws when Salesforce refuses the token or cannot be reached. */
        JsonObject user() throws TokenRefused, Forbidden, SalesforceUnavailable;
    }

    /** Salesforce no longer accepts the token (401/403 to a look-up made with it): the request is not trusted. */
    public static final class TokenRefused extends Exception {
        public TokenRefused(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Salesforce accepts the token but refuses the look-up (403: API disabled for the user, request limit;
     * 404: the user record is not visible): authentic, but the tab cannot run as this user.
     */
    public static final class Forbidden extends Exception {
        public Forbidden(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Salesforce could not be asked: neither trusted nor refused, the caller answers 503. */
    public static final class SalesforceUnavailable extends Exception {
        public SalesforceUnavailable(String reason) {
            super(reason, null, false, false);
        }
    }

    private record Accepted(String userId, JsonObject user, Instant until) {
    }

    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    public LiveTokenCheck(Duration ttl, Clock clock) {
        this.ttl = ttl.isNegative() ? Duration.ZERO : ttl;
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * The user record for a token Salesforce accepts, from memory if it accepted the same token for the same
     * user within the ttl, otherwise from {@code lookup}.
     */
    public JsonObject check(String oauthToken, String userId, Lookup lookup)
            throws TokenRefused, Forbidden, SalesforceUnavailable {
        String key = digest(oauthToken);
        Instant now = clock.instant();
        Accepted known = accepted.get(key);
        if (known != null && known.userId().equals(userId) && now.isBefore(known.until())) {
            return known.user();
        }
        JsonObject user = lookup.user();
        if (!ttl.isZero()) {
            if (accepted.size() >= MAX_ENTRIES) {
                purge(now);
            }
            accepted.put(key, new Accepted(userId, user, now.plus(ttl)));
        }
        return user;
    }

    /** Forgets a token at once, e.g. when a later call made with it was refused. */
    public void forget(String oauthToken) {
        accepted.remove(digest(oauthToken));
    }

    int size() {
        return accepted.size();
    }

    private void purge(Instant now) {
        accepted.values().removeIf(a -> !now.isBefore(a.until()));
        if (accepted.size() >= MAX_ENTRIES) {
            accepted.clear();
        }
    }

    private static String digest(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
