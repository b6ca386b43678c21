package org.jbp.sync.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jbp.crm.CrmConnector;
import org.jbp.crm.CrmException;
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
    /** Per run: asked before each CRM operation; a refusal stops the operation (the run's API share is used). */
    private final Map<UUID, java.util.function.Supplier<java.util.Optional<CrmException>>> guards =
            new ConcurrentHashMap<>();

    @Inject
    CrmConnectorProducer producer;

    /**
     * The run's connector. Each operation that talks to the CRM first asks the run's guard ({@link #guard}):
     * once the run's share of the org's daily limit is used, the next operation is refused with LIMIT_REACHED
     * instead of being made, so a step that makes several operations stops within them, not after them.
     */
    public CrmConnector forRun(UUID runId) {
        CrmConnector connector = open.computeIfAbsent(runId, id -> producer.openForJob());
        return (CrmConnector) java.lang.reflect.Proxy.newProxyInstance(CrmConnector.class.getClassLoader(),
                new Class<?>[] {CrmConnector.class}, (proxy, method, args) -> {
                    var guard = guards.get(runId);
                    if (guard != null && !COUNTERS.contains(method.getName())) {
                        java.util.Optional<CrmException> refusal = guard.get();
                        if (refusal.isPresent()) {
                            throw refusal.get();
                        }
                    }
                    try {
                        return method.invoke(connector, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** What the connector reports about itself without a CRM call. */
    private static final java.util.Set<String> COUNTERS = java.util.Set.of("apiCallsUsed", "apiUsage", "querySplits",
            "close", "toString", "hashCode", "equals");

    /**
     * From now on the run's CRM operations first ask {@code refusal}: a refusal is thrown instead of the operation
     * (empty: go on). It is asked each time, so it sees the org's limit as soon as the first response reports it.
     */
    public void guard(UUID runId, java.util.function.Supplier<java.util.Optional<CrmException>> refusal) {
        guards.put(runId, refusal);
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
        guards.remove(runId);
        if (connector != null) {
            connector.close();
        }
    }

    @PreDestroy
    void closeAll() {
        open.keySet().forEach(this::close);
    }
}
