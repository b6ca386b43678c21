package org.jbp.sfsim.fault;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Misbehaviour on demand, so clients can be tested against the failures a real org produces.
 * Thread-safe; one instance per simulator (never static).
 */
public final class FaultInjector {

    /** A plain HTTP 503 without a SOAP envelope, as a load balancer in front of Salesforce returns. */
    public static final String HTTP_503 = "HTTP_503";
    /** REQUEST_LIMIT_EXCEEDED for too many concurrent requests rather than the daily limit. */
    public static final String CONCURRENT_REQUEST_LIMIT = "CONCURRENT_REQUEST_LIMIT";
    /** The connection closes before any response is written. */
    public static final String CONNECTION_DROP = "CONNECTION_DROP";

    private final Deque<Planned> failures = new ArrayDeque<>();
    private final Deque<Planned> afterCommit = new ArrayDeque<>();
    private final Deque<String> recordErrors = new ArrayDeque<>();
    private final Deque<Stall> stalls = new ArrayDeque<>();
    private int stalling;
    private long latencyMillis;
    private long dailyLimit;
    private Runnable sessionExpirer = () -> { };

    /** One planned failure: the code, and the operation it waits for (null = any). */
    public record Planned(String code, String operation) {
        boolean matches(String op) {
            return operation == null || operation.equalsIgnoreCase(op);
        }
    }

    public FaultInjector(long dailyLimit) {
        this.dailyLimit = dailyLimit;
    }

    /** The next {@code n} calls of any operation fail with {@code code} (e.g. SERVER_UNAVAILABLE, HTTP_503). */
    public FaultInjector failNext(int n, String code) {
        return failNext(n, code, null);
    }

    /** The next {@code n} calls of {@code operation} (query, create ...; null = any) fail with {@code code}. */
    public synchronized FaultInjector failNext(int n, String code, String operation) {
        Objects.requireNonNull(code, "code");
        for (int i = 0; i < n; i++) {
            failures.add(new Planned(code.toUpperCase(Locale.ROOT), operation));
        }
        return this;
    }

    /**
     * The next {@code n} calls of {@code operation} are carried out and committed, then the connection drops
     * before the response arrives: the "lost response" that makes blind retries write twice.
     */
    public FaultInjector failNextAfterCommit(int n, String operation) {
        return failNextAfterCommit(n, operation, CONNECTION_DROP);
    }

    /** As {@link #failNextAfterCommit(int, String)}, answering with a fault of {@code code} instead of a drop. */
    public synchronized FaultInjector failNextAfterCommit(int n, String operation, String code) {
        for (int i = 0; i < n; i++) {
            afterCommit.add(new Planned(code.toUpperCase(Locale.ROOT), operation));
        }
        return this;
    }

    /**
     * The next {@code n} calls of {@code operation} are carried out and committed, then their response is held back
     * for {@code holdMillis}: the window in which a client that dies (kill -9) never learns that its write landed.
     */
    public synchronized FaultInjector stallNextAfterCommit(int n, String operation, long holdMillis) {
        for (int i = 0; i < n; i++) {
            stalls.add(new Stall(operation, Math.max(0, holdMillis)));
        }
        return this;
    }

    /** How many committed calls are being held back right now. */
    public synchronized int stalling() {
        return stalling;
    }

    /** Holds a committed call's response back if a stall was planned for its operation. */
    public void holdAfterCommit(String operation) {
        long millis;
        synchronized (this) {
            Stall stall = null;
            for (var it = stalls.iterator(); it.hasNext(); ) {
                Stall s = it.next();
                if (s.operation() == null || s.operation().equalsIgnoreCase(operation)) {
                    stall = s;
                    it.remove();
                    break;
                }
            }
            if (stall == null) {
                return;
            }
            millis = stall.holdMillis();
            stalling++;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (this) {
                stalling--;
            }
        }
    }

    /** The next {@code n} records written (create, update, upsert, delete) fail with this status code. */
    public synchronized FaultInjector failNextRecords(int n, String statusCode) {
        for (int i = 0; i < n; i++) {
            recordErrors.add(statusCode.toUpperCase(Locale.ROOT));
        }
        return this;
    }

    /** Every call waits this long before it is served. */
    public synchronized FaultInjector latencyMillis(long millis) {
        this.latencyMillis = Math.max(0, millis);
        return this;
    }

    /** Invalidates every session: the next call with an old session id gets INVALID_SESSION_ID. */
    public FaultInjector expireSessions() {
        Runnable r;
        synchronized (this) {
            r = sessionExpirer;
        }
        r.run();
        return this;
    }

    /** API requests allowed per day (the count since start or the last reset); beyond it REQUEST_LIMIT_EXCEEDED. */
    public synchronized FaultInjector dailyLimit(long limit) {
        this.dailyLimit = limit;
        return this;
    }

    private long queryTimeoutOver = Long.MAX_VALUE;
    /** The object whose queries time out; null for every object. */
    private String queryTimeoutObject;

    /**
     * Queries and aggregates that match more than {@code records} records fail with QUERY_TIMEOUT, as a query too
     * big for Salesforce's time limit does ("If the query doesn't execute within the standard 2-minute timeout
     * limit, the job fails and a QUERY_TIMEOUT error is returned. In this case, rewrite a simpler query": Bulk API
     * Developer Guide, "How Bulk Queries Are Processed"; the SOAP API answers with the same ExceptionCode). The
     * size of the match stands in for the time: fewer partners or fewer days make a query that passes.
     */
    public synchronized FaultInjector queryTimeoutOver(long records) {
        return queryTimeoutOver(records, null);
    }

    /** As {@link #queryTimeoutOver(long)}, for queries of one object only (the large one, as in a real org). */
    public synchronized FaultInjector queryTimeoutOver(long records, String object) {
        this.queryTimeoutOver = records;
        this.queryTimeoutObject = object;
        return this;
    }

    /** How many matched records a query of {@code object} may have before it times out. */
    public synchronized long queryTimeoutOver(String object) {
        return queryTimeoutObject == null || queryTimeoutObject.equalsIgnoreCase(object)
                ? queryTimeoutOver : Long.MAX_VALUE;
    }

    /** Texts of queries that time out whatever their size, upper-cased. */
    private final java.util.List<String> queryTimeoutTexts = new java.util.ArrayList<>();

    /**
     * Every query ({@code query}, {@code queryAll}) whose SOQL contains {@code soqlText} (case-insensitive) fails with
     * QUERY_TIMEOUT, until {@link #clear()}: one given query that is too slow for the org however it is cut, such as
     * the partner list over a non-selective filter. The fault is the whole request's, an API fault element with its
     * ExceptionCode (SOAP API Developer Guide, "Core Data Types Used in API Calls": "If an error affects the entire
     * request, an API Fault Element is returned, containing an ExceptionCode and the associated error message
     * text"; QUERY_TIMEOUT is an ExceptionCode of the partner WSDL).
     */
    public synchronized FaultInjector queryTimeoutOn(String soqlText) {
        queryTimeoutTexts.add(Objects.requireNonNull(soqlText, "soqlText").toUpperCase(Locale.ROOT));
        return this;
    }

    /** Whether this query was made to time out by {@link #queryTimeoutOn}. */
    public synchronized boolean timesOut(String soql) {
        String text = soql == null ? "" : soql.toUpperCase(Locale.ROOT);
        return queryTimeoutTexts.stream().anyMatch(text::contains);
    }

    /** Forgets planned failures, latency and query timeouts; the daily limit stays. */
    public synchronized void clear() {
        queryTimeoutTexts.clear();
        queryTimeoutOver = Long.MAX_VALUE;
        queryTimeoutObject = null;
        failures.clear();
        afterCommit.clear();
        recordErrors.clear();
        stalls.clear();
        latencyMillis = 0;
    }

    public synchronized long latencyMillis() {
        return latencyMillis;
    }

    public synchronized long dailyLimit() {
        return dailyLimit;
    }

    public synchronized Optional<String> takeFailure(String operation) {
        return take(failures, operation);
    }

    public synchronized Optional<String> takeAfterCommit(String operation) {
        return take(afterCommit, operation);
    }

    public synchronized Optional<String> takeRecordError() {
        return Optional.ofNullable(recordErrors.poll());
    }

    /** Pending planned failures, for the admin API. */
    public synchronized int pending() {
        return failures.size() + afterCommit.size() + recordErrors.size() + stalls.size();
    }

    private record Stall(String operation, long holdMillis) {
    }

    public synchronized void onExpireSessions(Runnable expirer) {
        this.sessionExpirer = Objects.requireNonNull(expirer);
    }

    private static Optional<String> take(Deque<Planned> queue, String operation) {
        for (var it = queue.iterator(); it.hasNext(); ) {
            Planned p = it.next();
            if (p.matches(operation)) {
                it.remove();
                return Optional.of(p.code());
            }
        }
        return Optional.empty();
    }
}
