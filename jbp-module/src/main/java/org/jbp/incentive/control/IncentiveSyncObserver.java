package org.jbp.incentive.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jbp.kernel.PlanId;
import org.jbp.sync.control.SyncObserver;

/**
 * Evaluates incentive rules after every KPI sync, in the transaction of each chunk of the sync's alerts step, so a
 * plan's alerts and the tier changes its actuals cause commit (and are queued for the CRM) together.
 */
@ApplicationScoped
public class IncentiveSyncObserver implements SyncObserver {

    @Inject
    IncentiveEvaluator evaluator;

    @Override
    public void actualsSynced(List<PlanId> planIds) {
        evaluator.evaluatePlans(planIds, "KPI_SYNC");
    }
}
