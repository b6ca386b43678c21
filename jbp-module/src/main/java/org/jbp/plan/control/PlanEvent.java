package org.jbp.plan.control;

import java.util.Objects;
import java.util.UUID;
import org.jbp.kernel.PlanId;

/**
 * A lifecycle milestone of a plan, fired synchronously inside the transaction that reached it, so observers
 * (fund requests, incentive rules) write their consequences, outbox entries included, atomically with it.
 * Observers live in features that depend on plan; plan does not depend on them.
 */
public record PlanEvent(PlanId planId, UUID amendmentId, Kind kind) {

    public enum Kind {
        SUBMITTED, APPROVED, AMENDMENT_APPROVED, REVIEWED, CLOSED
    }

    public PlanEvent {
        Objects.requireNonNull(planId, "plan id is required");
        Objects.requireNonNull(kind, "kind is required");
    }
}
