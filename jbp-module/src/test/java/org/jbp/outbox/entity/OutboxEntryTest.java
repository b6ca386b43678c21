package org.jbp.outbox.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.jbp.kernel.PlanId;
import org.junit.jupiter.api.Test;

/** A queued CRM write: claimed with a lease, delivered once, retried later, parked for an admin. */
class OutboxEntryTest {

    static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");

    final OutboxEntry entry = new OutboxEntry(OutboxKind.TASK_UPSERT, "jbp-step-1", PlanId.random(), "{}", AT);

    @Test
    void everyClaimCountsAsAnAttemptAndAReleaseGivesItBack() {
        entry.lease("node-a", AT.plusSeconds(60));
        assertEquals(1, entry.attempts());
        assertEquals("node-a", entry.leaseOwner());
        entry.release(AT.plusSeconds(5));
        assertEquals(0, entry.attempts());
        assertNull(entry.leaseOwner());
        assertEquals(AT.plusSeconds(5), entry.nextAttemptAt());
    }

    @Test
    void aTransientFailureWaitsForItsBackoffAndKeepsTheError() {
        entry.lease("node-a", AT.plusSeconds(60));
        entry.retryLater(Duration.ofMinutes(2), "SERVER_UNAVAILABLE", "try again", AT);
        assertEquals(OutboxStatus.PENDING, entry.status());
        assertEquals(AT.plus(Duration.ofMinutes(2)), entry.nextAttemptAt());
        assertEquals("SERVER_UNAVAILABLE", entry.lastErrorCode());
    }

    @Test
    void aDeliveredWriteIsDoneForGood() {
        entry.lease("node-a", AT.plusSeconds(60));
        entry.retryLater(Duration.ofMinutes(2), "SERVER_UNAVAILABLE", "try again", AT);
        entry.markDelivered("00T000000000001AAA", AT.plusSeconds(200));
        assertEquals(OutboxStatus.DELIVERED, entry.status());
        assertNull(entry.lastErrorCode(), "the earlier error is forgotten once delivered");
        assertThrows(IllegalStateException.class, () -> entry.lease("node-b", AT.plusSeconds(300)));
        assertThrows(IllegalStateException.class, () -> entry.requeue(AT), "nothing to retry");
        assertThrows(IllegalStateException.class, entry::discard, "nothing to discard");
    }

    @Test
    void aParkedWriteWaitsForAnAdminToRetryOrDiscardIt() {
        entry.park("INVALID_FIELD", "No such column 'Foo__c'");
        assertEquals(OutboxStatus.FAILED, entry.status());
        assertThrows(IllegalStateException.class, () -> entry.lease("node-a", AT), "not claimed while parked");
        entry.requeue(AT.plusSeconds(10));
        assertEquals(OutboxStatus.PENDING, entry.status());
        assertEquals(AT.plusSeconds(10), entry.nextAttemptAt());
        entry.discard();
        assertEquals(OutboxStatus.DISCARDED, entry.status());
    }

    @Test
    void longErrorsAreCutToWhatTheColumnsHold() {
        entry.park("X".repeat(100), "m".repeat(3000));
        assertEquals(80, entry.lastErrorCode().length());
        assertEquals(2000, entry.lastErrorMessage().length());
    }
}
