package org.jbp.sync.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jbp.kpi.control.KpiAlerts;
import org.jbp.kernel.PlanId;

/**
 * Holds the synced plans against their pace in the sync's alerts step, a chunk of plans a transaction. Wired here, not in kpi: the sync sits
 * above kpi (it records the actuals), so kpi does not know the sync's hooks.
 */
@ApplicationScoped
public class AlertsAfterSync implements SyncObserver {

    @Inject
    KpiAlerts alerts;

    @Override
    public void actualsSynced(List<PlanId> planIds) {
        alerts.actualsSynced(planIds);
    }
}
