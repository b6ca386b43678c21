package org.jbp.outbox.control;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs a delivery pass every 15 seconds ({@code jbp.outbox.scheduler-enabled=false} turns it off, as tests do,
 * triggering passes through the admin API instead). Non-persistent: a missed tick is caught up by the next.
 * Outside any transaction, because a pass commits its claims before calling Salesforce.
 */
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxScheduler {

    private static final Logger LOG = Logger.getLogger(OutboxScheduler.class.getName());

    @Inject
    OutboxDelivery delivery;
    @Inject
    @ConfigProperty(name = "jbp.outbox.scheduler-enabled", defaultValue = "true")
    boolean enabled;

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    // on the method as well: with the class-level attribute alone, the first scheduled sync ran into a container
    // transaction (RAR5029 when the batch runtime booted inside it)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        if (!enabled) {
            return;
        }
        try {
            delivery.deliverIfIdle().filter(report -> report.claimed() > 0)
                    .ifPresent(report -> LOG.info(() -> "outbox pass: " + report));
        } catch (RuntimeException e) {
            // a failed pass must not kill the timer; its claims expire and the next tick tries again
            LOG.log(Level.WARNING, "outbox pass failed", e);
        }
    }
}
