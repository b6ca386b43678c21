package org.jbp.sync.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jbp.people.control.UserDirectory;
import org.jbp.sync.control.SyncLease;
import org.jbp.sync.entity.SyncRun;
import org.jbp.sync.entity.SyncStatus;

/**
 * A run as the API shows it. {@code leaseExpired} is true for a RUNNING run that does not hold a live lease: its
 * instance stopped renewing it, so nothing works on the run until an instance takes it over (or the next run
 * marks it ABANDONED). {@code querySplits} counts the queries Salesforce stopped with QUERY_TIMEOUT that the run
 * answered with smaller ones. {@code requestedByName} is the person's name from the user directory (null for the
 * scheduler or someone the directory cannot name), so an admin never has to read a Salesforce user id.
 */
public record SyncRunView(String id, String mode, String status, String phase, int itemsDone, int itemsTotal,
                          long apiCalls, String errors, Instant startedAt, Instant endedAt, String instance,
                          int executions, String requestedBy, String requestedByName, boolean leaseExpired,
                          Long apiRemainingToday, Long apiLimitToday, int querySplits) {

    /** One run, its requester named by the directory: the answer to a start, a resume or a start that failed. */
    public static SyncRunView of(SyncRun run, Optional<SyncLease.State> lease, UserDirectory directory) {
        return of(run, lease, run.requestedBy() == null ? Map.of() : directory.names(List.of(run.requestedBy())));
    }

    /** With the requesters' names by user id, as {@code UserDirectory.names} gives them. */
    public static SyncRunView of(SyncRun run, Optional<SyncLease.State> lease, Map<String, String> names) {
        boolean holdsLiveLease = lease.filter(l -> run.id().equals(l.runId()) && !l.expired()).isPresent();
        return new SyncRunView(run.id().toString(), run.mode().name(), run.status().name(), run.phase().name(),
                run.itemsDone(), run.itemsTotal(), run.apiCalls(), run.errors(), run.startedAt(), run.endedAt(),
                run.instance(), run.executions(), run.requestedBy(),
                run.requestedBy() == null ? null : names.get(run.requestedBy()),
                run.status() == SyncStatus.RUNNING && !holdsLiveLease, run.apiRemainingToday(), run.apiLimitToday(),
                run.querySplits());
    }
}
