package org.jbp.canvas.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The memory of accepted tokens: spares the call within the ttl, never beyond it, never for a refusal. */
class LiveTokenCheckTest {

    static final String USER = "005000000000001AAA";

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-03-02T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovingClock clock = new MovingClock();
    final LiveTokenCheck check = new LiveTokenCheck(Duration.ofSeconds(60), clock);
    final AtomicInteger calls = new AtomicInteger();
    final JsonObject user = Json.createObjectBuilder().add("Id", USER).build();

    LiveTokenCheck.Lookup accepting() {
        return () -> {
            calls.incrementAndGet();
            return user;
        };
    }

    LiveTokenCheck.Lookup refusing() {
        return () -> {
            calls.incrementAndGet();
            throw new LiveTokenCheck.TokenRefused("401");
        };
    }

    @Test
    void aReloadWithinTheTtlDoesNotAskSalesforceAgain() throws Exception {
        check.check("token-a", USER, accepting());
        clock.now = clock.now.plusSeconds(59);
        assertEquals(user, check.check("token-a", USER, accepting()));
        assertEquals(1, calls.get());
    }

    @Test
    void afterTheTtlSalesforceIsAskedAgainAndItsRefusalCounts() throws Exception {
        check.check("token-a", USER, accepting());
        clock.now = clock.now.plusSeconds(60);
        assertThrows(LiveTokenCheck.TokenRefused.class, () -> check.check("token-a", USER, refusing()));
        assertEquals(2, calls.get());
    }

    @Test
    void aRefusedTokenIsNotRemembered() throws Exception {
        assertThrows(LiveTokenCheck.TokenRefused.class, () -> check.check("token-b", USER, refusing()));
        check.check("token-b", USER, accepting());
        assertEquals(2, calls.get());
    }

    @Test
    void anAcceptanceIsTiedToTheUserItWasMadeFor() throws Exception {
        check.check("token-a", USER, accepting());
        check.check("token-a", "005000000000002AAA", accepting());
        check.check("token-c", USER, accepting());
        assertEquals(3, calls.get());
    }

    @Test
    void aForgottenTokenIsAskedAboutAgain() throws Exception {
        check.check("token-a", USER, accepting());
        check.forget("token-a");
        check.check("token-a", USER, accepting());
        assertEquals(2, calls.get());
    }

    @Test
    void zeroTtlAsksEveryTime() throws Exception {
        LiveTokenCheck never = new LiveTokenCheck(Duration.ZERO, clock);
        never.check("token-a", USER, accepting());
        never.check("token-a", USER, accepting());
        assertEquals(2, calls.get());
        assertEquals(0, never.size());
    }
}
