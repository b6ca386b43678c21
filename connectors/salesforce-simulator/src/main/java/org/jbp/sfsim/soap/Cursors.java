package org.jbp.sfsim.soap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jbp.sfsim.soql.QueryResult;
import org.jbp.sfsim.store.SalesforceIds;

/**
 * Open query cursors behind queryLocators. Like Salesforce, only a few stay open: opening one more
 * invalidates the least recently used, and idle ones time out; either way queryMore then fails with
 * INVALID_QUERY_LOCATOR.
 */
final class Cursors {

    static final class Cursor {
        final String id;
        final QueryResult result;
        Instant lastUsed;

        Cursor(String id, QueryResult result, Instant lastUsed) {
            this.id = id;
            this.result = result;
            this.lastUsed = lastUsed;
        }
    }

    private final AtomicLong sequence = new AtomicLong(4_100_000L);
    private final LinkedHashMap<String, Cursor> open = new LinkedHashMap<>(16, 0.75f, true);
    private final int max;
    private final Duration timeout;
    private final Clock clock;

    Cursors(int max, Duration timeout, Clock clock) {
        this.max = Math.max(1, max);
        this.timeout = timeout;
        this.clock = clock;
    }

    synchronized String open(QueryResult result) {
        expire();
        String id = SalesforceIds.of("01g", sequence.incrementAndGet()).substring(0, 18);
        open.put(id, new Cursor(id, result, clock.instant()));
        while (open.size() > max) {
            Iterator<Map.Entry<String, Cursor>> eldest = open.entrySet().iterator();
            eldest.next();
            eldest.remove();
        }
        return id;
    }

    synchronized Optional<Cursor> get(String id) {
        expire();
        Cursor c = open.get(id);
        if (c != null) {
            c.lastUsed = clock.instant();
        }
        return Optional.ofNullable(c);
    }

    synchronized void close(String id) {
        open.remove(id);
    }

    synchronized void clear() {
        open.clear();
    }

    private void expire() {
        Instant cutoff = clock.instant().minus(timeout);
        open.values().removeIf(c -> c.lastUsed.isBefore(cutoff));
    }
}
