package org.jbp.sync.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One sync run, possibly spread over several job executions (a restart after a crash or after the daily API
 * limit continues the same run). The checkpoint says where the current phase resumes.
 */
@Entity
@Table(name = "sync_run")
public class SyncRun {

    private static final int MAX_ERRORS_CHARS = 8000;

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private SyncMode mode;
    @Enumerated(EnumType.STRING)
    private SyncStatus status;
    @Enumerated(EnumType.STRING)
    private SyncPhase phase;
    @Column(name = "items_done")
    private int itemsDone;
    @Column(name = "items_total")
    private int itemsTotal;
    @Column(name = "api_calls")
    private long apiCalls;
    private String errors;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    private String instance;
    private int executions;
    @Column(name = "requested_by")
    private String requestedBy;
    private String checkpoint;
    @Column(name = "watermark_candidate")
    private Instant watermarkCandidate;
    @Column(name = "api_used_today")
    private Long apiUsedToday;
    @Column(name = "api_limit_today")
    private Long apiLimitToday;
    @Column(name = "query_splits")
    private int querySplits;
    @Version
    private long version;

    protected SyncRun() {
    }

    public SyncRun(SyncMode mode, String instance, String requestedBy, Instant now) {
        this.id = UUID.randomUUID();
        this.mode = Objects.requireNonNull(mode, "mode is required");
        this.instance = Objects.requireNonNull(instance, "instance is required");
        this.requestedBy = Objects.requireNonNull(requestedBy, "requestedBy is required");
        this.startedAt = Objects.requireNonNull(now);
        this.status = SyncStatus.RUNNING;
        this.phase = SyncPhase.PARTNERS;
        this.executions = 1;
    }

    /** Continues a stopped or orphaned run on {@code byInstance}: same phase and checkpoint, a new execution. */
    public void resume(String byInstance) {
        if (status == SyncStatus.COMPLETED) {
            throw new IllegalStateException("a completed run is not resumed");
        }
        this.instance = byInstance;
        this.status = SyncStatus.RUNNING;
        this.endedAt = null;
        this.executions++;
    }

    /** Enters {@code next} unless the run is already past it (a resumed run skips finished phases). */
    public boolean enter(SyncPhase next, int total) {
        if (phase.compareTo(next) > 0) {
            return false;
        }
        if (phase != next) {
            phase = next;
            checkpoint = null;
            itemsDone = 0;
        }
        itemsTotal = total;
        return true;
    }

    /** An incremental run without watermarks to start from (no run has completed yet) does the full work. */
    public void widenToFull() {
        mode = SyncMode.FULL;
    }

    public void progressed(int items, String newCheckpoint) {
        itemsDone += items;
        checkpoint = newCheckpoint;
    }

    public void usedCalls(long calls) {
        apiCalls += calls;
    }

    /** Queries Salesforce stopped for taking too long that the run answered with smaller ones. */
    public void splitQueries(long splits) {
        querySplits += (int) splits;
    }

    public int querySplits() {
        return querySplits;
    }

    /** The org's usage and limit today as the last Salesforce response of this run reported them. */
    public void orgBudget(long usedToday, long limitToday) {
        apiUsedToday = usedToday;
        apiLimitToday = limitToday;
    }

    /** Requests the org has left today, null before the run's first response. */
    public Long apiRemainingToday() {
        return apiUsedToday == null || apiLimitToday == null ? null : Math.max(0, apiLimitToday - apiUsedToday);
    }

    public Long apiLimitToday() {
        return apiLimitToday;
    }

    public void takeWatermarkCandidate(Instant candidate) {
        if (watermarkCandidate == null) {
            watermarkCandidate = candidate;
        }
    }

    public void complete(Instant at) {
        phase = SyncPhase.DONE;
        status = SyncStatus.COMPLETED;
        checkpoint = null;
        endedAt = at;
    }

    public void stop(SyncStatus why, String error, Instant at) {
        if (why == SyncStatus.RUNNING || why == SyncStatus.COMPLETED) {
            throw new IllegalArgumentException("stop is for a run that ended without completing");
        }
        status = why;
        endedAt = at;
        noteError(error);
    }

    /**
     * The run's instance let its lease expire and {@code successor} holds the lease now: this run will not go on
     * by itself, so it stops showing RUNNING. Its checkpoint is kept for a restart.
     */
    public void abandon(UUID successor, Instant at) {
        if (status != SyncStatus.RUNNING) {
            throw new IllegalStateException("only a RUNNING run is abandoned, this one is " + status);
        }
        status = SyncStatus.ABANDONED;
        endedAt = at;
        noteError("abandoned: the lease of " + instance + " expired without a takeover; run " + successor
                + " holds the lease since " + at);
    }

    public void noteError(String error) {
        if (error == null || error.isBlank()) {
            return;
        }
        String line = error.length() > 1000 ? error.substring(0, 1000) : error;
        String all = errors == null ? line : errors + "\n" + line;
        errors = all.length() > MAX_ERRORS_CHARS ? all.substring(all.length() - MAX_ERRORS_CHARS) : all;
    }

    public UUID id() {
        return id;
    }

    public SyncMode mode() {
        return mode;
    }

    public SyncStatus status() {
        return status;
    }

    public SyncPhase phase() {
        return phase;
    }

    public int itemsDone() {
        return itemsDone;
    }

    public int itemsTotal() {
        return itemsTotal;
    }

    public long apiCalls() {
        return apiCalls;
    }

    public String errors() {
        return errors;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public String instance() {
        return instance;
    }

    public int executions() {
        return executions;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public String checkpoint() {
        return checkpoint;
    }

    public Instant watermarkCandidate() {
        return watermarkCandidate;
    }
}
