package org.jbp.plan.control;

import java.util.UUID;
import org.jbp.kernel.PlanId;

/**
 * Tells whoever owns the approved thing (the plan itself, or one of its amendments) how its chain ended.
 * The plan feature implements it; approval does not need to know what an amendment is.
 */
public interface ChainOutcome {

    /** Every step approved. */
    void approved(PlanId planId, UUID amendmentId);

    /** Sent back for revision, with the reason. */
    void revisionRequested(PlanId planId, UUID amendmentId, String reason);

    /** Rejected for good, with the reason. */
    void rejected(PlanId planId, UUID amendmentId, String reason);
}
