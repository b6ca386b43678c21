package org.jbp.sync.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jbp.sync.entity.SyncMode;
import org.jbp.sync.entity.SyncRun;
import org.jbp.sync.entity.SyncStatus;

/**
 * Decides, in one transaction with the lease, whether a run may start: a new run, the resumption of one the
 * daily limit stopped, or the takeover of one whose holder stopped renewing its lease. Always in a transaction of
 * its own, committed before the job starts: the job's threads must see the run and the lease, and a caller's
 * transaction (a timer's) must not hold them uncommitted while the batch runtime starts.
 */
@ApplicationScoped
public class SyncAdmission {

    @Inject
    SyncRuns runs;
    @Inject
    SyncLease lease;
    @Inject
    SyncInstance instance;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "jbp.sync.lease-ttl", defaultValue = "PT60S")
    Duration leaseTtl;

    /** What a request got: the run started (or resumed), or the run that holds the lease. */
    public record Outcome(boolean started, UUID runId) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome begin(SyncMode mode, String by) {
        Optional<SyncRun> limited = runs.latestLimited();
        if (limited.isPresent()) {
            return takeOver(limited.get());
        }
        SyncRun run = new SyncRun(mode, instance.id(), by, clock.instant());
        if (!lease.acquire(run.id(), instance.id(), leaseTtl)) {
            return new Outcome(false, lease.state().map(s -> s.runId()).orElse(null));
        }
        runs.add(run);
        abandonOthers(run.id());
        return new Outcome(true, run.id());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome beginResume(UUID runId) {
        SyncRun run = runs.lock(runId);
        if (run.status() == SyncStatus.COMPLETED) {
            throw new IllegalStateException("run " + runId + " is completed");
        }
        return takeOver(run);
    }

    private Outcome takeOver(SyncRun run) {
        if (!lease.acquire(run.id(), instance.id(), leaseTtl)) {
            return new Outcome(false, lease.state().map(s -> s.runId()).orElse(null));
        }
        runs.lock(run.id()).resume(instance.id());
        abandonOthers(run.id());
        return new Outcome(true, run.id());
    }

    /**
     * Whoever holds the lease is the only run that can make progress: any other run still recorded as RUNNING lost
     * its lease (its instance died or hung, and nobody took it over) and is marked ABANDONED instead of showing
     * RUNNING forever. Should its instance wake up, its next step finds the run no longer RUNNING and stops.
     */
    private void abandonOthers(UUID holder) {
        for (SyncRun other : runs.running()) {
            if (!other.id().equals(holder)) {
                runs.lock(other.id()).abandon(holder, clock.instant());
            }
        }
    }

}
