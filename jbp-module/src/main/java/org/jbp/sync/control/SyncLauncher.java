package org.jbp.sync.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jbp.sync.entity.SyncMode;
import org.jbp.sync.entity.SyncStatus;

/**
 * Starts sync runs: takes the lease and records the run in one transaction, then hands the run to Jakarta
 * Batch. A run the daily limit stopped is resumed instead of starting a new one; a run whose holder died
 * (lease expired while RUNNING) is taken over by whichever instance takes the lease next.
 *
 * <p>The job is handed to the batch runtime outside any transaction ({@link SyncJobStarter}). A start that fails is
 * recorded as FAILED (the run never stays RUNNING) and reported as {@link SyncStartFailed}.
 */
@ApplicationScoped
public class SyncLauncher {

    public static final String JOB = "kpi-sync";
    private static final Logger LOG = Logger.getLogger(SyncLauncher.class.getName());

    @Inject
    SyncRuns runs;
    @Inject
    SyncAdmission admission;
    @Inject
    SyncLease lease;
    @Inject
    SyncInstance instance;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "jbp.sync.lease-ttl", defaultValue = "PT60S")
    Duration leaseTtl;
    @Inject
    SyncJobStarter starter;

    /** Runs this instance is executing now; their leases are renewed by the scheduler's tick. */
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    public SyncAdmission.Outcome request(SyncMode mode, String by) {
        SyncAdmission.Outcome outcome = admission.begin(mode, by);
        if (outcome.started()) {
            launch(outcome.runId());
        }
        return outcome;
    }

    /** Resumes a FAILED or LIMIT_REACHED run on request, or a RUNNING one whose holder's lease expired. */
    public SyncAdmission.Outcome resume(UUID runId) {
        SyncAdmission.Outcome outcome = admission.beginResume(runId);
        if (outcome.started()) {
            launch(outcome.runId());
        }
        return outcome;
    }

    private void launch(UUID runId) {
        running.add(runId);
        Properties parameters = new Properties();
        parameters.setProperty("runId", runId.toString());
        try {
            starter.start(JOB, parameters);
        } catch (RuntimeException e) {
            throw failedToStart(runId, e);
        }
    }

    private SyncStartFailed failedToStart(UUID runId, Throwable cause) {
        LOG.log(Level.WARNING, "sync run " + runId + " could not start", cause);
        finished(runId);
        String reason = SyncStartFailed.reason(cause);
        runs.stop(runId, instance.id(), SyncStatus.FAILED, "job did not start: " + reason, 0,
                java.util.Optional.empty());
        return new SyncStartFailed(runId, reason, cause);
    }

    /** Called when an execution of this instance ends, whatever its outcome. */
    public void finished(UUID runId) {
        running.remove(runId);
        lease.release(runId, instance.id());
    }

    /** Extends the leases of this instance's runs; a run that lost its lease is stopped. */
    public void renewLeases() {
        for (UUID runId : running) {
            if (!lease.renew(runId, instance.id(), leaseTtl)) {
                // a run that ended let its lease go with its end; only a run still RUNNING here has lost it
                if (runs.find(runId).filter(r -> r.status() == SyncStatus.RUNNING).isPresent()) {
                    LOG.warning("sync run " + runId + " lost its lease; stopping this execution");
                }
                running.remove(runId);
            }
        }
    }

    public boolean isRunningHere(UUID runId) {
        return running.contains(runId);
    }

    public boolean stillHolds(UUID runId) {
        return lease.state().filter(s -> runId.equals(s.runId()) && instance.id().equals(s.holder())
                && !s.expired()).isPresent();
    }

    public Duration leaseTtl() {
        return leaseTtl;
    }

    public String instanceId() {
        return instance.id();
    }
}
