package org.jbp.sync.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SyncRunTest {

    private static final Instant NOW = Instant.parse("2026-11-26T18:00:00Z");

    @Test
    void anAbandonedRunSaysWhoHoldsTheLeaseAndCanBeRestartedFromItsCheckpoint() {
        SyncRun run = new SyncRun(SyncMode.FULL, "host-a:1", "scheduler", NOW.minusSeconds(600));
        run.enter(SyncPhase.FACTS, 9);
        run.progressed(3, "deals_registered");
        UUID successor = UUID.randomUUID();

        run.abandon(successor, NOW);

        assertEquals(SyncStatus.ABANDONED, run.status());
        assertEquals(NOW, run.endedAt());
        assertTrue(run.errors().contains("host-a:1") && run.errors().contains(successor.toString()), run.errors());
        assertTrue(run.status().isResumable());
        run.resume("host-b:2");
        assertEquals(SyncStatus.RUNNING, run.status());
        assertEquals("deals_registered", run.checkpoint(), "a restart continues after the last fetched source");
        assertEquals(2, run.executions());
    }

    @Test
    void onlyARunningRunIsAbandoned() {
        SyncRun run = new SyncRun(SyncMode.INCREMENTAL, "host-a:1", "scheduler", NOW);
        run.complete(NOW);
        assertThrows(IllegalStateException.class, () -> run.abandon(UUID.randomUUID(), NOW));
        assertEquals(SyncStatus.COMPLETED, run.status());
    }
}
