package org.jbp.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.jbp.kernel.PlanId;
import org.jbp.outbox.entity.OutboxEntry;
import org.jbp.outbox.entity.OutboxKind;
import org.junit.jupiter.api.Test;

class OutboxRetriesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private static OutboxEntry write() {
        return new OutboxEntry(OutboxKind.FUND_REQUEST_UPSERT, "jbp-mdf-x", PlanId.random(), "{}", NOW.minusSeconds(600));
    }

    @Test
    void aFailedWriteIsRetried() {
        OutboxEntry failed = write();
        failed.lease("pass", NOW.minusSeconds(300));
        failed.park("FIELD_CUSTOM_VALIDATION_EXCEPTION", "refused");
        assertTrue(OutboxRetries.refusal(failed, NOW).isEmpty());
    }

    @Test
    void aWriteBackingOffIsRetriedButOneAlreadyDueIsNot() {
        OutboxEntry waiting = write();
        waiting.lease("pass", NOW.minusSeconds(300));
        waiting.retryLater(Duration.ofMinutes(30), "SERVER_UNAVAILABLE", "down", NOW.minusSeconds(60));
        assertTrue(OutboxRetries.refusal(waiting, NOW).isEmpty(), "due only in 29 minutes");
        assertTrue(OutboxRetries.refusal(waiting, NOW.plus(Duration.ofMinutes(30))).orElseThrow().contains("already due"));
    }

    @Test
    void aWriteADeliveryPassHoldsIsLeftToThatPass() {
        OutboxEntry inFlight = write();
        inFlight.lease("pass", NOW.plusSeconds(120));
        assertTrue(OutboxRetries.refusal(inFlight, NOW).orElseThrow().contains("being delivered right now"));
    }

    @Test
    void deliveredAndDiscardedWritesAreNotSentAgain() {
        OutboxEntry delivered = write();
        delivered.lease("pass", NOW.minusSeconds(300));
        delivered.markDelivered("a0B000000000001", NOW.minusSeconds(200));
        assertEquals("A DELIVERED write is not sent again", OutboxRetries.refusal(delivered, NOW).orElseThrow());
        OutboxEntry discarded = write();
        discarded.discard();
        assertEquals("A DISCARDED write is not sent again", OutboxRetries.refusal(discarded, NOW).orElseThrow());
    }
}
