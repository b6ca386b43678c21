package org.jbp.sync.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jbp.sync.entity.SyncMode;
import org.jbp.sync.entity.SyncRun;
import org.jbp.sync.entity.SyncStatus;

/**
 * Every 10 seconds: renews the leases of this instance's runs, takes over a run whose holder's lease expired,
 * and starts the scheduled runs: incremental every {@code jbp.sync.incremental-schedule} (an ISO duration,
 * default PT1H), full once a day at {@code jbp.sync.full-schedule} (HH:mm UTC, default 02:00). Schedules read
 * the runs table, so every instance agrees on what is due and the lease lets only one of them start it.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SyncScheduler {

    private static final Logger LOG = Logger.getLogger(SyncScheduler.class.getName());

    @Inject
    SyncLauncher launcher;
    @Inject
    SyncLease lease;
    @Inject
    SyncRuns runs;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "jbp.sync.scheduler-enabled", defaultValue = "true")
    boolean schedulerEnabled;
    @Inject
    @ConfigProperty(name = "jbp.sync.takeover-enabled", defaultValue = "true")
    boolean takeoverEnabled;
    @Inject
    @ConfigProperty(name = "jbp.sync.incremental-schedule", defaultValue = "PT1H")
    Duration incrementalEvery;
    @Inject
    @ConfigProperty(name = "jbp.sync.full-schedule", defaultValue = "02:00")
    String fullAt;

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
    // on the method as well: with the class-level attribute alone, the first scheduled sync ran into a container
    // transaction (RAR5029 when the batch runtime booted inside it)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        try {
            launcher.renewLeases();
            if (takeoverEnabled) {
                takeOverOrphan();
            }
            if (schedulerEnabled) {
                startDue();
            }
        } catch (RuntimeException e) {
            // a failed tick must not kill the timer; the next one tries again
            LOG.log(Level.WARNING, "sync scheduler tick failed", e);
        }
    }

    private void takeOverOrphan() {
        lease.state().filter(s -> s.runId() != null && s.expired())
                .flatMap(s -> runs.find(s.runId()))
                .filter(run -> run.status() == SyncStatus.RUNNING && !launcher.isRunningHere(run.id()))
                .ifPresent(run -> {
                    LOG.info("sync run " + run.id() + " of " + run.instance() + " lost its lease; taking it over");
                    launcher.resume(run.id());
                });
    }

    private void startDue() {
        Instant now = clock.instant();
        Instant todaysFull = LocalTime.parse(fullAt).atDate(now.atZone(ZoneOffset.UTC).toLocalDate())
                .toInstant(ZoneOffset.UTC);
        Optional<SyncRun> lastFull = runs.latestStarted(Optional.of(SyncMode.FULL));
        if (!now.isBefore(todaysFull) && lastFull.map(r -> r.startedAt().isBefore(todaysFull)).orElse(true)) {
            launcher.request(SyncMode.FULL, "scheduler");
            return;
        }
        Optional<SyncRun> last = runs.latestStarted(Optional.empty());
        if (last.map(r -> !r.startedAt().plus(incrementalEvery).isAfter(now)).orElse(true)) {
            launcher.request(SyncMode.INCREMENTAL, "scheduler");
        }
    }
}
