package org.jbp.plan.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jbp.kernel.PartnerAccountId;
import org.jbp.people.control.UserDirectory;
import org.jbp.plan.control.PlanAccess;
import org.jbp.plan.control.PlanRepository;
import org.jbp.plan.entity.PlanStatus;

/** Plan lists narrowed to what the caller may see: partner users their account, channel managers their partners. */
@RequestScoped
public class PlanListing {

    @Inject
    PlanRepository plans;
    @Inject
    PlanAccess access;
    @Inject
    UserDirectory directory;

    public List<PlanView.Summary> search(PartnerAccountId partner, PlanStatus status, Integer fiscalYear, Integer quarter,
                                  LocalDate activeOn, int offset, int limit) {
        PlanAccess.ListScope scope = access.listScope();
        if (scope.partner() != null) {
            if (partner != null && !partner.equals(scope.partner())) {
                return List.of();
            }
            partner = scope.partner();
        }
        var filter = new PlanRepository.PlanFilter(partner, status, fiscalYear, quarter, activeOn, scope.managedBy(),
                offset, limit);
        var found = plans.summariesWithPartners(filter);
        Map<String, String> names = directory.names(found.stream().map(p -> p.plan().ownerId()).toList());
        return found.stream()
                .map(p -> PlanView.Summary.of(p.plan(), p.partner().orElse(null), names))
                .toList();
    }

}
