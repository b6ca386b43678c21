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
 * Who may see and act on which plan: the one policy every list, view and action asks. Admins and approvers see
 * every plan; a channel manager sees the plans they own or whose partner they own; a partner user sees their own
 * account's plans. Acting for the vendor (submit, close, record actuals, propose an amendment) takes an admin or
 * the plan's channel manager; the partner side acts through the partner users of the plan's account. A plan the
 * caller may not see answers 404, not 403, so another partner's plans do not even leak their existence.
 */
@RequestScoped
public class PlanAccess {

    @Inject
    CurrentUser user;
    @Inject
    PartnerRepository partners;

    private final Map<PartnerAccountId, Optional<Partner>> partnersSeen = new HashMap<>();

    public boolean canSee(BusinessPlan plan) {
        if (seesEveryPlan()) {
            return true;
        }
        if (user.is(Roles.CHANNEL_MANAGER)) {
            return managesPartnerOf(plan);
        }
        return isPartnerUserOf(plan);
    }

    /**
     * The plans a list may show the caller, as the filters PostgreSQL applies: the same rule as {@link #canSee},
     * so the plan list, the portfolio and a plan's own page never disagree. A partner user without an account
     * claim is refused (403).
     */
    public record ListScope(PartnerAccountId partner, String managedBy) {
    }

    /**
     * The JPQL conditions of a plan list, plans {@code p} left-joined with their partner {@code pa}: the caller's
     * {@link #listScope()}, then the partner's tier and region (case-insensitive; null or blank for any), each
     * condition starting with " and ", its parameters put into {@code params}. The plan list's home and the
     * portfolio filter alike, so the same caller sees the same plans in both.
     */
    public String listConditions(String tier, String region, java.util.Map<String, Object> params) {
        ListScope scope = listScope();
        StringBuilder where = new StringBuilder();
        if (scope.partner() != null) {
            where.append(" and p.partner = :account");
            params.put("account", scope.partner());
        } else if (scope.managedBy() != null) {
            where.append(partners.managedBy("p", scope.managedBy(), params));
        }
        if (tier != null && !tier.isBlank()) {
            where.append(" and lower(pa.tier) = :tier");
            params.put("tier", tier.trim().toLowerCase(java.util.Locale.ROOT));
        }
        if (region != null && !region.isBlank()) {
            where.append(" and lower(pa.region) = :region");
            params.put("region", region.trim().toLowerCase(java.util.Locale.ROOT));
        }
        return where.toString();
    }

    public ListScope listScope() {
        if (seesEveryPlan()) {
            return new ListScope(null, null);
        }
        if (user.is(Roles.CHANNEL_MANAGER)) {
            return new ListScope(null, user.id());
        }
        return new ListScope(user.requirePartnerAccount(), null);
    }

    /** An admin, or the channel manager of the plan: who acts for the vendor. */
    public boolean actsForVendorOn(BusinessPlan plan) {
        return user.isAdmin() || (user.is(Roles.CHANNEL_MANAGER) && managesPartnerOf(plan));
    }

    /** A partner user of the plan's own account: who acts for the partner. */
    public boolean isPartnerUserOf(BusinessPlan plan) {
        return user.is(Roles.PARTNER) && user.partnerAccount().filter(plan.partner()::equals).isPresent();
    }

    private boolean seesEveryPlan() {
        return user.isAdmin() || user.is(Roles.APPROVER);
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

    /** The plan's partner, read with the plan in one query ({@link PlanRepository#findWithPartner}). */
    public void partnerRead(BusinessPlan plan, Optional<Partner> partner) {
        partnersSeen.putIfAbsent(plan.partner(), partner);
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
        if (!actsForVendorOn(plan) && !isPartnerUserOf(plan)) {
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
}
