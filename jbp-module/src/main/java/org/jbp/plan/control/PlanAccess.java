package org.jbp.plan.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.jbp.partner.control.PartnerRepository;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jbp.partner.entity.Partner;
import org.jbp.kernel.PartnerAccountId;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.PlanStatus;
import org.jbp.platform.ProblemException;
import org.jbp.security.CurrentUser;
import org.jbp.security.Roles;

/**
 * Who may see and change which plan. A plan the caller may not see answers 404, not 403,
 * so another partner's plans do not even leak their existence.
 */
@RequestScoped
public class PlanAccess {

    @Inject
    CurrentUser user;
    @Inject
    PartnerRepository partners;

    private final Map<PartnerAccountId, Optional<Partner>> partnersSeen = new HashMap<>();

    public boolean canSee(BusinessPlan plan) {
        if (user.isAdmin() || user.is(Roles.APPROVER)) {
            return true;
        }
        if (user.is(Roles.CHANNEL_MANAGER)) {
            return managesPartnerOf(plan);
        }
        if (user.is(Roles.PARTNER)) {
            return user.partnerAccount().filter(plan.partner()::equals).isPresent();
        }
        return false;
    }

    /** Channel managers own their plans and the plans of partners they own. */
    public boolean managesPartnerOf(BusinessPlan plan) {
        if (user.id().equals(plan.ownerId())) {
            return true;
        }
        return partnerOf(plan).map(Partner::ownerId).filter(user.id()::equals).isPresent();
    }

    /**
     * The plan's partner, read once per request: a plan view asks who owns the partner for the visibility
     * check, the edit rights and the allowed actions, and shows its name and tier.
     */
    public Optional<Partner> partnerOf(BusinessPlan plan) {
        return partnersSeen.computeIfAbsent(plan.partner(), partners::find);
    }

    public BusinessPlan requireVisible(BusinessPlan plan) {
        if (!canSee(plan)) {
            throw ProblemException.notFound("Plan " + plan.id());
        }
        return plan;
    }

    /** Both sides edit a draft: the channel manager and the partner's own users; admins may fix anything. */
    public void requireEditable(BusinessPlan plan) {
        requireVisible(plan);
        boolean editor = user.isAdmin()
                || (user.is(Roles.CHANNEL_MANAGER) && managesPartnerOf(plan))
                || (user.is(Roles.PARTNER) && user.partnerAccount().filter(plan.partner()::equals).isPresent());
        if (!editor) {
            throw ProblemException.forbidden("You may read this plan but not edit it");
        }
        if (plan.status() != PlanStatus.DRAFT) {
            throw ProblemException.conflict("Only a DRAFT plan can be edited; this plan is " + plan.status(),
                    java.util.Map.of("status", plan.status().name()));
        }
    }

    public void requireCanComment(BusinessPlan plan) {
        requireVisible(plan);
    }

    /** Partner users are confined to their own account whatever filter they ask for. */
    public boolean confinedToOwnAccount() {
        return user.isPartnerUser();
    }
}
