package org.jbp.crm.salesforce;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A sleeper that waits for nothing and keeps every pause it was asked for, so a test can check the backoff schedule a
 * user waits through (how many pauses, how long, the cap) without spending it.
 */
final class RecordingSleeper implements Sleeper {

    private final List<Duration> pauses = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        pauses.add(duration);
    }

    /** The pauses in the order they were asked for, in milliseconds. */
    List<Long> pausesMillis() {
        return pauses.stream().map(Duration::toMillis).toList();
    }

    void forget() {
        pauses.clear();
    }
}
