package org.jbp.canvas.control;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the signatures already accepted until they would be refused as stale anyway, so a captured
 * signed request cannot be posted a second time while it is still fresh. Memory stays bounded by the
 * requests of one issued-at window.
 */
public final class ReplayGuard {

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();

    /** True the first time a signature is offered; false for a replay. Atomic across threads. */
    public boolean firstUse(String signature, Instant staleAfter, Instant now) {
        purge(now);
        return seen.putIfAbsent(signature, staleAfter) == null;
    }

    int size() {
        return seen.size();
    }

    private void purge(Instant now) {
        seen.values().removeIf(staleAfter -> staleAfter.isBefore(now));
    }
}
