package org.jbp.sfsim.fault;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** API calls served, in total and per operation; tests reset it between steps. */
public final class ApiCallCounter {

    private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();

    public void record(String operation) {
        total.increment();
        byOperation.computeIfAbsent(operation, k -> new LongAdder()).increment();
    }

    public long total() {
        return total.sum();
    }

    public long count(String operation) {
        LongAdder a = byOperation.get(operation);
        return a == null ? 0 : a.sum();
    }

    /** A sorted snapshot: operation → calls. */
    public Map<String, Long> byOperation() {
        Map<String, Long> m = new TreeMap<>();
        byOperation.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    public void reset() {
        total.reset();
        byOperation.clear();
    }
}
