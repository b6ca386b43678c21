package org.jbp.plan.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jbp.partner.control.PartnerRepository;
import org.jbp.partner.entity.Partner;
import org.jbp.kernel.PartnerAccountId;
import org.jbp.people.control.UserDirectory;
import org.jbp.plan.control.PlanAccess;
import org.jbp.plan.control.PlanRepository;
import org.jbp.plan.entity.PlanStatus;
import org.jbp.security.CurrentUser;
import org.jbp.security.Roles;

/** Plan lists narrowed to what the caller may see: partner users their account, channel managers their partners. */
@RequestScoped
public class PlanListing {

    @Inject
    PlanRepository plans;
    @Inject
    PartnerRepository partners;
    @Inject
    PlanAccess access;
    @Inject
    CurrentUser user;
    @Inject
    UserDirectory directory;

    public List<PlanView.Summary> search(PartnerAccountId partner, PlanStatus status, Integer fiscalYear, Integer quarter,
                                  LocalDate activeOn, int offset, int limit) {
        if (access.confinedToOwnAccount()) {
            PartnerAccountId own = user.requirePartnerAccount();
            if (partner != null && !partner.equals(own)) {
                return List.of();
            }
            partner = own;
        }
        String managedBy = user.is(Roles.CHANNEL_MANAGER) && !user.isAdmin() && !user.is(Roles.APPROVER)
                ? user.id() : null;
        var filter = new PlanRepository.PlanFilter(partner, status, fiscalYear, quarter, activeOn, managedBy,
                offset, limit);
        Map<PartnerAccountId, Partner> partnerCache = new HashMap<>();
        var found = plans.summaries(filter);
        Map<String, String> names = directory.names(found.stream().map(p -> p.ownerId()).toList());
        return found.stream()
                .map(p -> PlanView.Summary.of(p, partnerCache.computeIfAbsent(p.partner(),
                        id -> partners.find(id).orElse(null)), names))
                .toList();
    }

}
