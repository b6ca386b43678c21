package org.jbp.plan.control;

import java.util.UUID;

/**
 * Tells whoever owns the approved thing (the plan itself, or one of its amendments) how its chain ended.
 * The plan feature implements it; approval does not need to know what an amendment is.
 */
public interface ChainOutcome {

    /** Every step approved. */
    void approved(UUID planId, UUID amendmentId);

    /** Sent back for revision, with the reason. */
    void revisionRequested(UUID planId, UUID amendmentId, String reason);

    /** Rejected for good, with the reason. */
    void rejected(UUID planId, UUID amendmentId, String reason);
}
