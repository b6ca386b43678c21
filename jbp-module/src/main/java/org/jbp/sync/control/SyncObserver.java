package org.jbp.sync.control;

import java.util.List;
import org.jbp.kernel.PlanId;

/**
 * Told, a chunk of plans at a time and in that chunk's transaction of the sync's alerts step, which plans the sync
 * kept current; the kpi feature evaluates its alerts here. Keeps the sync from depending on what is done with the
 * numbers.
 */
public interface SyncObserver {

    void actualsSynced(List<PlanId> planIds);
}
