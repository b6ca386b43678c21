package org.jbp.sync.control;

import java.util.List;
import org.jbp.crm.CrmConnector;
import org.jbp.kernel.PlanId;

/**
 * Reads further CRM state for the synced plans in the sync's final step, with the run's own connector (so its API
 * calls count in the run) and in the step's transaction (so what it stores commits with the run). The incentive
 * feature reads its fund requests' statuses back here; the sync does not know what is read.
 */
public interface SyncReadBack {

    void readBack(CrmConnector crm, List<PlanId> planIds);
}
