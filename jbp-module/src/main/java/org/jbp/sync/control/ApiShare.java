package org.jbp.sync.control;

import java.util.Optional;
import org.jbp.crm.ApiBudget;
import org.jbp.crm.ApiUsage;
import org.jbp.crm.CrmException;

/**
 * How much of the org's daily API limit one sync run may use ({@code jbp.sync.api-share}, default 0.10): the
 * org's other integrations and users share the same limit, so a run stops, resumably, before it takes more.
 */
final class ApiShare {

    static final String CODE = "API_BUDGET_SHARE";

    private ApiShare() {
    }

    /** Why a run that made {@code runCalls} calls may make no more; empty while within its share or the limit is unknown. */
    static Optional<String> exceeded(long runCalls, Optional<ApiUsage> usage, double share) {
        if (usage.isEmpty() || usage.get().limit() <= 0) {
            return Optional.empty();
        }
        long allowed = (long) Math.floor(usage.get().limit() * share);
        if (runCalls < allowed) {
            return Optional.empty();
        }
        return Optional.of("this run used " + runCalls + " API calls, its share (" + Math.round(share * 100)
                + " %) of the org's daily limit of " + usage.get().limit() + " (" + usage.get().remaining()
                + " left today); it resumes from its checkpoint with the next run");
    }

    /**
     * The budget a run's connector asks before each request: {@code runCalls} gives the run's calls so far, those
     * of earlier executions included, so a resumed run keeps counting from where it stopped.
     */
    static ApiBudget of(java.util.function.LongSupplier runCalls, double share) {
        return usage -> exceeded(runCalls.getAsLong(), usage, share);
    }

    /** The refusal as the sync records it: the same kind and code the connector throws. */
    static CrmException refusal(String why) {
        return new CrmException(CrmException.Kind.BUDGET_USED, CODE, why, null);
    }
}
