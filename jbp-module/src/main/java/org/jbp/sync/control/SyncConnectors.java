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
    /** Per run: the connector's call counter at which the run's API share is used, and the refusal to give then. */
    private final Map<UUID, Allowance> allowances = new ConcurrentHashMap<>();

    private record Allowance(long untilCounter, java.util.function.Supplier<java.util.Optional<CrmException>> refusal) {
    }

    @Inject
    CrmConnectorProducer producer;

    /**
     * The run's connector. Each operation that talks to the CRM first checks the run's allowance ({@link #allow}):
     * once the run's share of the org's daily limit is used, the next operation is refused with LIMIT_REACHED
     * instead of being made, so a step that makes several operations stops within them, not after them.
     */
    public CrmConnector forRun(UUID runId) {
        CrmConnector connector = open.computeIfAbsent(runId, id -> producer.openForJob());
        return (CrmConnector) java.lang.reflect.Proxy.newProxyInstance(CrmConnector.class.getClassLoader(),
                new Class<?>[] {CrmConnector.class}, (proxy, method, args) -> {
                    if (!COUNTERS.contains(method.getName())) {
                        Allowance allowance = allowances.get(runId);
                        if (allowance != null && connector.apiCallsUsed() >= allowance.untilCounter()) {
                            java.util.Optional<CrmException> refusal = allowance.refusal().get();
                            if (refusal.isPresent()) {
                                throw refusal.get();
                            }
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
     * The run may make {@code callsLeft} more calls from now on; past them, its operations are refused with what
     * {@code refusal} gives (empty: go on, e.g. when the org's limit grew).
     */
    public void allow(UUID runId, long callsLeft,
                      java.util.function.Supplier<java.util.Optional<CrmException>> refusal) {
        CrmConnector connector = open.computeIfAbsent(runId, id -> producer.openForJob());
        allowances.put(runId, new Allowance(connector.apiCallsUsed() + callsLeft, refusal));
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
        allowances.remove(runId);
        if (connector != null) {
            connector.close();
        }
    }

    @PreDestroy
    void closeAll() {
        open.keySet().forEach(this::close);
    }
}
