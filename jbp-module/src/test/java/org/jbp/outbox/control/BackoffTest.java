package org.jbp.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void doublesFromTheInitialDelay() {
        assertEquals(Duration.ofSeconds(30), backoff.after(1));
        assertEquals(Duration.ofSeconds(60), backoff.after(2));
        assertEquals(Duration.ofSeconds(120), backoff.after(3));
        assertEquals(Duration.ofSeconds(30 * 64), backoff.after(7));
    }

    @Test
    void isCappedAndNeverOverflows() {
        assertEquals(Duration.ofHours(1), backoff.after(8));
        assertEquals(Duration.ofHours(1), backoff.after(1_000));
        assertEquals(Duration.ofSeconds(30), backoff.after(0), "a write not attempted yet waits the initial delay");
    }

    @Test
    void refusesAnUpsideDownRange() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofMinutes(1)));
    }
}
