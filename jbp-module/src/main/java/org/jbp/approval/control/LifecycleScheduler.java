package org.jbp.approval.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jbp.plan.control.PlanLifecycle;

/**
 * What time drives, every minute: SLA escalation, activation at the period start, overdue reviews,
 * the close at period end. Non-persistent timers: a missed minute is caught up by the next one.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LifecycleScheduler {

    private static final Logger LOG = Logger.getLogger(LifecycleScheduler.class.getName());

    @Inject
    ApprovalService approvals;
    @Inject
    PlanLifecycle lifecycle;
    @Inject
    @ConfigProperty(name = "jbp.lifecycle.scheduler-enabled", defaultValue = "true")
    boolean enabled;

    @Schedule(minute = "*", hour = "*", persistent = false)
    // on the method as well: with the class-level attribute alone, the first scheduled sync ran into a container
    // transaction (RAR5029 when the batch runtime booted inside it)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void everyMinute() {
        if (enabled) {
            runNow();
        }
    }

    /** One pass; also what an admin triggers on demand. */
    public int runNow() {
        try {
            return approvals.escalateOverdue() + lifecycle.runScheduledWork();
        } catch (RuntimeException e) {
            // a failed pass must not kill the timer; the next minute tries again
            LOG.log(Level.WARNING, "lifecycle pass failed", e);
            return 0;
        }
    }
}
