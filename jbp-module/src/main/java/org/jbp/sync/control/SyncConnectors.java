package org.jbp.sync.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jbp.crm.ApiBudget;
import org.jbp.crm.CrmConnector;
import org.jbp.crm.mapping.KpiMapping;

/**
 * One CRM connector per running sync run, shared by the steps of its job execution (they run one after
 * another on one thread at a time) and closed when the execution ends.
 */
@ApplicationScoped
public class SyncConnectors {

    private final Map<UUID, CrmConnector> open = new ConcurrentHashMap<>();
    private final Map<UUID, Long> counted = new ConcurrentHashMap<>();
    private final Map<UUID, Long> splitsCounted = new ConcurrentHashMap<>();
    @Inject
    CrmConnectorProducer producer;

    /** The run's connector, opened on first use; its budget is set by {@link #limit}. */
    public CrmConnector forRun(UUID runId) {
        return open.computeIfAbsent(runId, id -> producer.openForJob());
    }

    /**
     * From now on the run's connector asks {@code budget} before each request it sends and refuses the request
     * (BUDGET_USED) once the budget says no: the stop is at the request, whatever operation makes it.
     */
    public void limit(UUID runId, ApiBudget budget) {
        forRun(runId).limitTo(budget);
    }

    public KpiMapping mapping() {
        return producer.mapping();
    }

    /** Calls the run's connector made since the last time this was asked: what to add to the run's count. */
    public long takeCalls(UUID runId) {
        return take(runId, counted, CrmConnector::apiCallsUsed);
    }

    /** How far a counter of the run's connector moved since it was last taken into {@code taken}. */
    private long take(UUID runId, Map<UUID, Long> taken, java.util.function.ToLongFunction<CrmConnector> counter) {
        CrmConnector connector = open.get(runId);
        if (connector == null) {
            return 0;
        }
        long now = counter.applyAsLong(connector);
        Long before = taken.put(runId, now);
        return now - (before == null ? 0 : before);
    }

    /** The org's API usage the run's connector last saw; empty when the run has no connector open. */
    public java.util.Optional<org.jbp.crm.ApiUsage> usageOf(UUID runId) {
        CrmConnector connector = open.get(runId);
        return connector == null ? java.util.Optional.empty() : connector.apiUsage();
    }

    /** Query splits (QUERY_TIMEOUT answered with smaller queries) since the last time this was asked. */
    public long takeQuerySplits(UUID runId) {
        return take(runId, splitsCounted, CrmConnector::querySplits);
    }

    /** Calls made since the last {@link #takeCalls}, without taking them. */
    public long pendingCalls(UUID runId) {
        CrmConnector connector = open.get(runId);
        if (connector == null) {
            return 0;
        }
        Long before = counted.get(runId);
        return connector.apiCallsUsed() - (before == null ? 0 : before);
    }

    public void close(UUID runId) {
        CrmConnector connector = open.remove(runId);
        counted.remove(runId);
        splitsCounted.remove(runId);
        if (connector != null) {
            connector.close();
        }
    }

    @PreDestroy
    void closeAll() {
        open.keySet().forEach(this::close);
    }
}
