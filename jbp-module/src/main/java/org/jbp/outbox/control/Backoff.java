package org.jbp.outbox.control;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a write waits after its n-th failed attempt: doubling from {@code initial}, never more than {@code max}.
 * Deterministic (no jitter): instances claim disjoint rows, so they do not retry in step anyway, and tests can
 * move the clock by exactly the expected delay.
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        Objects.requireNonNull(initial, "initial backoff is required");
        Objects.requireNonNull(max, "maximum backoff is required");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The delay after attempt {@code attempt} (1 = the first delivery) failed. */
    public Duration after(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 30));
        long millis = initial.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
