package org.jbp.sync.boundary;

import java.time.Instant;
import org.jbp.sync.entity.SyncRun;

/** A run as the API shows it. */
public record SyncRunView(String id, String mode, String status, String phase, int itemsDone, int itemsTotal,
                          long apiCalls, String errors, Instant startedAt, Instant endedAt, String instance,
                          int executions, String requestedBy) {

    public static SyncRunView of(SyncRun run) {
        return new SyncRunView(run.id().toString(), run.mode().name(), run.status().name(), run.phase().name(),
                run.itemsDone(), run.itemsTotal(), run.apiCalls(), run.errors(), run.startedAt(), run.endedAt(),
                run.instance(), run.executions(), run.requestedBy());
    }
}
