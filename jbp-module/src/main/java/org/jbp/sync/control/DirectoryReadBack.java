package org.jbp.sync.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.jbp.crm.CrmConnector;
import org.jbp.people.control.PeopleReadBack;
import org.jbp.kernel.PlanId;

/**
 * Reads the names of the people plans name in the sync's last step, with the run's connector. Wired here, not in
 * people: the user directory sits below plan and the sync, so it does not know the sync's hooks.
 */
@ApplicationScoped
public class DirectoryReadBack implements SyncReadBack {

    @Inject
    PeopleReadBack people;

    @Override
    public void readBack(CrmConnector crm, List<PlanId> planIds) {
        people.readBack(crm, planIds);
    }
}
