package org.jbp.crm.salesforce;

import java.time.Duration;

/** Waits between retries; tests pass one that does not really sleep. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
