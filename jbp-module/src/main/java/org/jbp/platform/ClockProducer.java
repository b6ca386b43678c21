package org.jbp.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one source of time. The system clock, shifted by an offset that only a deployment with
 * {@code jbp.clock.adjustable=true} (tests, the demo) lets an admin change, so SLA escalation,
 * activation and period ends can be exercised without waiting days.
 */
@ApplicationScoped
public class ClockProducer {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Inject
    @ConfigProperty(name = "jbp.clock.adjustable", defaultValue = "false")
    boolean adjustable;

    @Produces
    Clock clock() {
        return new ShiftedClock(offset);
    }

    public boolean isAdjustable() {
        return adjustable;
    }

    /** Moves the application's time to {@code now}; refused unless adjustable. */
    public Instant moveTo(Instant now) {
        if (!adjustable) {
            throw ProblemException.forbidden("The clock is not adjustable in this deployment (jbp.clock.adjustable)");
        }
        offset.set(Duration.between(Instant.now(), now));
        return clock().instant();
    }

    /** Reads the offset at every call, so clocks handed out before a move follow it. */
    private static final class ShiftedClock extends Clock {
        private final AtomicReference<Duration> offset;

        ShiftedClock(AtomicReference<Duration> offset) {
            this.offset = offset;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), offset.get());
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset.get());
        }
    }
}
