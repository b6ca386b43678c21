package org.jbp.crm.salesforce;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently transient faults are retried: exponential backoff from {@code initialBackoff},
 * doubled per attempt, capped at {@code maxBackoff}, with a little jitter so parallel syncs do not retry in step.
 *
 * @param maxRetries retries after the first attempt; 0 disables retrying
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        Objects.requireNonNull(initialBackoff, "Initial backoff is required.");
        Objects.requireNonNull(maxBackoff, "Max backoff is required.");
    }

    /** The pause before retry number {@code retry} (1 = first retry). */
    public Duration backoffBefore(int retry) {
        long base = initialBackoff.toMillis() << Math.min(20, Math.max(0, retry - 1));
        long capped = Math.min(base, maxBackoff.toMillis());
        long jitter = capped <= 1 ? 0 : ThreadLocalRandom.current().nextLong(capped / 5 + 1);
        return Duration.ofMillis(Math.min(maxBackoff.toMillis(), capped + jitter));
    }
}
