package org.jbp.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jbp.crm.CrmConnector;
import org.jbp.crm.CrmException;
import org.jbp.crm.CrmWrite;
import org.jbp.crm.WriteResult;
import org.jbp.outbox.entity.OutboxEntry;
import org.jbp.outbox.entity.OutboxKind;

/**
 * Delivers due outbox writes to the CRM. Each round claims up to {@code jbp.outbox.batch-size} writes per kind
 * (the connector sends at most 200 records per call), sends them in one {@link CrmConnector#apply} and records
 * every result. A write is DELIVERED only after the CRM answered; if the answer is lost after Salesforce
 * committed, the write stays PENDING and the retry upserts the same external id, which updates instead of
 * duplicating. Transient failures (of a record or the whole call) back off exponentially with a cap; a permanent
 * per-record error parks the write as FAILED; the daily API limit ends the pass.
 */
@ApplicationScoped
public class OutboxDelivery {

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());
    static final List<OutboxKind> KINDS = List.of(OutboxKind.TIER_CHANGE, OutboxKind.FUND_REQUEST_UPSERT,
            OutboxKind.FUND_REQUEST_CANCEL, OutboxKind.TASK_UPSERT, OutboxKind.TASK_CLOSE);

    @Inject
    OutboxStore store;
    @Inject
    CrmConnector crm;
    @Inject
    @ConfigProperty(name = "jbp.outbox.batch-size", defaultValue = "200")
    int batchSize;
    @Inject
    @ConfigProperty(name = "jbp.outbox.max-rounds", defaultValue = "100")
    int maxRounds;
    @Inject
    @ConfigProperty(name = "jbp.outbox.lease", defaultValue = "PT5M")
    Duration lease;
    @Inject
    @ConfigProperty(name = "jbp.outbox.backoff-initial", defaultValue = "PT30S")
    Duration backoffInitial;
    @Inject
    @ConfigProperty(name = "jbp.outbox.backoff-max", defaultValue = "PT1H")
    Duration backoffMax;

    /** The connector is not thread-safe: one pass at a time per instance; instances are kept apart by leases. */
    private final ReentrantLock running = new ReentrantLock();
    private final String instance = "jbp-" + UUID.randomUUID();

    /** What one pass did, for the admin API and the logs. */
    public record Report(int claimed, int delivered, int retrying, int failed, int rounds, String stoppedBy) {
    }

    public Report deliverDue() {
        running.lock();
        try {
            return pass();
        } finally {
            running.unlock();
        }
    }

    /** For the timer: skips the tick while a pass (timer or admin) is still running on this instance. */
    public java.util.Optional<Report> deliverIfIdle() {
        if (!running.tryLock()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(pass());
        } finally {
            running.unlock();
        }
    }

    private Report pass() {
        Backoff backoff = new Backoff(backoffInitial, backoffMax);
        int claimed = 0;
        int delivered = 0;
        int retrying = 0;
        int failed = 0;
        int rounds = 0;
        String stoppedBy = null;
        while (rounds < maxRounds && stoppedBy == null) {
            List<OutboxEntry> batch = new ArrayList<>();
            for (OutboxKind kind : KINDS) {
                batch.addAll(store.claim(kind, batchSize, instance, lease));
            }
            if (batch.isEmpty()) {
                break;
            }
            rounds++;
            claimed += batch.size();
            Map<UUID, OutboxStore.Outcome> outcomes = new LinkedHashMap<>();
            List<OutboxEntry> sendable = new ArrayList<>();
            List<CrmWrite> writes = new ArrayList<>();
            for (OutboxEntry entry : batch) {
                try {
                    writes.add(OutboxWrites.toWrite(entry));
                    sendable.add(entry);
                } catch (IllegalArgumentException e) {
                    outcomes.put(entry.id(), new OutboxStore.Outcome.Parked("INVALID_PAYLOAD", e.getMessage()));
                }
            }
            try {
                List<WriteResult> results = writes.isEmpty() ? List.of() : crm.apply(writes);
                for (int i = 0; i < sendable.size(); i++) {
                    OutboxEntry entry = sendable.get(i);
                    OutboxStore.Outcome outcome = outcome(results.get(i), entry, backoff);
                    outcomes.put(entry.id(), outcome);
                    if (results.get(i) instanceof WriteResult.Failed f
                            && f.error().kind() == CrmException.Kind.LIMIT_REACHED) {
                        stoppedBy = "LIMIT_REACHED";
                    }
                }
            } catch (CrmException e) {
                // the whole call failed: nothing is known about any record, so every write of it waits and is
                // re-sent (upserts by key make that safe); the pass ends, the CRM is not answering now
                stoppedBy = e.kind().name();
                for (OutboxEntry entry : sendable) {
                    outcomes.put(entry.id(), e.kind() == CrmException.Kind.LIMIT_REACHED
                            ? new OutboxStore.Outcome.RetryLater(backoffMax, e.statusCode(), e.getMessage())
                            : new OutboxStore.Outcome.RetryLater(backoff.after(entry.attempts()), e.statusCode(),
                            e.getMessage()));
                }
                LOG.log(Level.WARNING, () -> "CRM write call failed (" + e.kind() + "), " + sendable.size()
                        + " writes wait: " + e.getMessage());
            } catch (RuntimeException e) {
                stoppedBy = "UNEXPECTED";
                for (OutboxEntry entry : sendable) {
                    outcomes.put(entry.id(), new OutboxStore.Outcome.RetryLater(backoff.after(entry.attempts()),
                            "UNEXPECTED", String.valueOf(e)));
                }
                LOG.log(Level.WARNING, "CRM write call failed unexpectedly", e);
            }
            store.record(outcomes);
            for (OutboxStore.Outcome o : outcomes.values()) {
                if (o instanceof OutboxStore.Outcome.Delivered) {
                    delivered++;
                } else if (o instanceof OutboxStore.Outcome.Parked) {
                    failed++;
                } else {
                    retrying++;
                }
            }
        }
        return new Report(claimed, delivered, retrying, failed, rounds, stoppedBy);
    }

    private static OutboxStore.Outcome outcome(WriteResult result, OutboxEntry entry, Backoff backoff) {
        if (result instanceof WriteResult.Succeeded s) {
            return new OutboxStore.Outcome.Delivered(s.crmId());
        }
        var error = ((WriteResult.Failed) result).error();
        return switch (error.kind()) {
            case PERMANENT -> new OutboxStore.Outcome.Parked(error.statusCode(), error.message()
                    + (error.fields().isEmpty() ? "" : " " + error.fields()));
            case TRANSIENT, REAUTHENTICATE, LIMIT_REACHED, BUDGET_USED ->
                    new OutboxStore.Outcome.RetryLater(backoff.after(entry.attempts()), error.statusCode(), error.message());
        };
    }
}
