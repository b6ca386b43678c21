package org.jbp.plan.control;

import java.util.Objects;
import java.util.UUID;
import org.jbp.plan.entity.BusinessPlan;

/**
 * A CDI event: an amendment of an ACTIVE plan was proposed and needs its approval round. Fired synchronously inside
 * the proposing transaction; the approval feature (above plan) observes it and opens the round's chain, so the
 * amendment and its steps commit together or not at all.
 */
public record AmendmentProposed(BusinessPlan plan, UUID amendmentId, int round) {

    public AmendmentProposed {
        Objects.requireNonNull(plan, "plan is required");
        Objects.requireNonNull(amendmentId, "amendment id is required");
    }
}
