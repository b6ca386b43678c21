package org.jbp.sfsim.soap;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Logged-in sessions: id → user, with the idle timeout Salesforce applies. */
public final class Sessions {

    private record Session(String userId, Instant lastUsed) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final String organizationId;
    private final Duration timeout;
    private final Clock clock;

    public Sessions(String organizationId, Duration timeout, Clock clock) {
        this.organizationId = organizationId;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** A new session id shaped like Salesforce's: the 15-character org id, '!', then an opaque token. */
    public String create(String userId) {
        byte[] token = new byte[72];
        random.nextBytes(token);
        String id = organizationId.substring(0, 15) + "!" + Base64.getUrlEncoder().withoutPadding().encodeToString(token)
                .replace('-', 'x').replace('_', 'Q');
        sessions.put(id, new Session(userId, clock.instant()));
        return id;
    }

    /** The user of a live session, refreshing its idle timer. */
    public Optional<String> userOf(String sessionId) {
        if (sessionId == null) {
            return Optional.empty();
        }
        Session s = sessions.get(sessionId.trim());
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (s.lastUsed().plus(timeout).isBefore(now)) {
            sessions.remove(sessionId.trim());
            return Optional.empty();
        }
        sessions.put(sessionId.trim(), new Session(s.userId(), now));
        return Optional.of(s.userId());
    }

    public void invalidate(String sessionId) {
        if (sessionId != null) {
            sessions.remove(sessionId.trim());
        }
    }

    /**
     * Ends every session of one user, as an admin revoking the user's sessions or the user logging out does:
     * the REST API then answers 401 INVALID_SESSION_ID for their tokens.
     */
    public int expireUser(String userId) {
        int before = sessions.size();
        sessions.values().removeIf(s -> s.userId().equals(userId));
        return before - sessions.size();
    }

    /** Whether a session is live, without refreshing its idle timer. */
    public boolean isLive(String sessionId) {
        Session s = sessionId == null ? null : sessions.get(sessionId.trim());
        return s != null && !s.lastUsed().plus(timeout).isBefore(clock.instant());
    }

    public void expireAll() {
        sessions.clear();
    }

    public long timeoutSeconds() {
        return timeout.toSeconds();
    }
}
