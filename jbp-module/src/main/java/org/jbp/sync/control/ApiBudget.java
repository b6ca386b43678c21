package org.jbp.sync.control;

import java.util.Optional;
import org.jbp.crm.ApiUsage;
import org.jbp.crm.CrmException;

/**
 * How much of the org's daily API limit one sync run may use ({@code jbp.sync.api-share}, default 0.10): the
 * org's other integrations and users share the same limit, so a run stops, resumably, before it takes more.
 */
final class ApiBudget {

    private ApiBudget() {
    }

    /** The refusal when {@code runCalls} reached the run's share of the limit; empty while within it. */
    static Optional<CrmException> exceeded(long runCalls, Optional<ApiUsage> usage, double share) {
        if (usage.isEmpty() || usage.get().limit() <= 0) {
            return Optional.empty();
        }
        long allowed = (long) Math.floor(usage.get().limit() * share);
        if (runCalls < allowed) {
            return Optional.empty();
        }
        return Optional.of(new CrmException(CrmException.Kind.LIMIT_REACHED, "API_BUDGET_SHARE",
                "This run used " + runCalls + " API calls, its share (" + Math.round(share * 100) + " %) of the org's "
                        + "daily limit of " + usage.get().limit() + " (" + usage.get().remaining()
                        + " left today); it resumes from its checkpoint with the next run", null));
    }
}
