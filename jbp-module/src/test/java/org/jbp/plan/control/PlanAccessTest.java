package org.jbp.plan.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jbp.kernel.PartnerAccountId;
import org.jbp.partner.control.PartnerRepository;
import org.jbp.partner.entity.Partner;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.PlanPeriod;
import org.jbp.platform.ProblemException;
import org.jbp.security.AccessDenied;
import org.jbp.security.CurrentUser;
import org.jbp.security.Roles;
import org.junit.jupiter.api.Test;

/** The one plan access policy, with a caller and a partner directory of the test's own. */
class PlanAccessTest {

    static final Instant NOW = Instant.parse("2027-02-01T09:00:00Z");
    static final PartnerAccountId ACME = PartnerAccountId.of("001000000000001");
    static final PartnerAccountId GLOBEX = PartnerAccountId.of("001000000000002");
    static final String CAM = "005000000000002";
    static final String OTHER_CAM = "005000000000003";

    final Map<PartnerAccountId, Partner> directory = new HashMap<>(Map.of(
            ACME, new Partner(ACME, "Acme", "Gold", "Reseller", CAM, "EMEA", NOW),
            GLOBEX, new Partner(GLOBEX, "Globex", "Silver", "Reseller", OTHER_CAM, "APAC", NOW)));

    /** Acme's plan (partner owned by CAM), a Globex plan CAM owns himself, and a Globex plan of someone else. */
    final BusinessPlan acmePlan = plan(ACME, OTHER_CAM);
    final BusinessPlan ownGlobexPlan = plan(GLOBEX, CAM);
    final BusinessPlan othersGlobexPlan = plan(GLOBEX, OTHER_CAM);
    final List<BusinessPlan> allPlans = List.of(acmePlan, ownGlobexPlan, othersGlobexPlan);

    @Test
    void channelManagerWhoIsAlsoAnApproverSeesEveryPlanInListsAsOnTheirPages() {
        PlanAccess access = accessFor(CAM, Set.of(Roles.CHANNEL_MANAGER, Roles.APPROVER), null);
        assertEquals(new PlanAccess.ListScope(null, null), access.listScope());
        assertTrue(allPlans.stream().allMatch(access::canSee));
    }

    @Test
    void channelManagerSeesThePlansTheyOwnAndThoseOfPartnersTheyOwn() {
        PlanAccess access = accessFor(CAM, Set.of(Roles.CHANNEL_MANAGER), null);
        assertEquals(new PlanAccess.ListScope(null, CAM), access.listScope());
        assertTrue(access.canSee(acmePlan), "partner owned by the channel manager");
        assertTrue(access.canSee(ownGlobexPlan), "plan owned by the channel manager");
        assertFalse(access.canSee(othersGlobexPlan));
    }

    @Test
    void partnerUserSeesOnlyTheirOwnAccountsPlans() {
        PlanAccess access = accessFor("005000000000009", Set.of(Roles.PARTNER), ACME);
        assertEquals(new PlanAccess.ListScope(ACME, null), access.listScope());
        assertTrue(access.canSee(acmePlan));
        assertFalse(access.canSee(ownGlobexPlan));
    }

    @Test
    void partnerTokenWithoutAnAccountIsRefusedAList() {
        PlanAccess access = accessFor("005000000000009", Set.of(Roles.PARTNER), null);
        assertThrows(AccessDenied.class, access::listScope);
        assertFalse(access.canSee(acmePlan));
    }

    /** Whatever the caller, a list scoped by {@link PlanAccess#listScope} holds exactly the plans canSee admits. */
    @Test
    void listScopeAdmitsExactlyThePlansTheCallerMaySee() {
        List<PlanAccess> callers = List.of(
                accessFor("005000000000001", Set.of(Roles.ADMIN), null),
                accessFor("005000000000004", Set.of(Roles.APPROVER), null),
                accessFor(CAM, Set.of(Roles.CHANNEL_MANAGER), null),
                accessFor(CAM, Set.of(Roles.CHANNEL_MANAGER, Roles.APPROVER), null),
                accessFor(OTHER_CAM, Set.of(Roles.CHANNEL_MANAGER, Roles.PARTNER), ACME),
                accessFor("005000000000009", Set.of(Roles.PARTNER), GLOBEX),
                accessFor("005000000000009", Set.of(Roles.PARTNER, Roles.APPROVER), GLOBEX));
        for (PlanAccess access : callers) {
            PlanAccess.ListScope scope = access.listScope();
            for (BusinessPlan plan : allPlans) {
                assertEquals(access.canSee(plan), admits(scope, plan),
                        "caller " + access.user.roles() + " on a plan of " + plan.partner().value() + " owned by "
                                + plan.ownerId());
            }
        }
    }

    @Test
    void onlyAnAdminOrThePlansChannelManagerActsForTheVendor() {
        assertTrue(accessFor("005000000000001", Set.of(Roles.ADMIN), null).actsForVendorOn(othersGlobexPlan));
        assertTrue(accessFor(CAM, Set.of(Roles.CHANNEL_MANAGER), null).actsForVendorOn(acmePlan));
        assertFalse(accessFor(CAM, Set.of(Roles.CHANNEL_MANAGER), null).actsForVendorOn(othersGlobexPlan));
        assertFalse(accessFor(CAM, Set.of(Roles.APPROVER), null).actsForVendorOn(acmePlan),
                "an approver who is not a channel manager decides steps, but does not submit or close");
        assertFalse(accessFor("005000000000009", Set.of(Roles.PARTNER), ACME).actsForVendorOn(acmePlan));
    }

    @Test
    void onlyPartnerUsersOfThePlansAccountActForThePartner() {
        assertTrue(accessFor("005000000000009", Set.of(Roles.PARTNER), ACME).isPartnerUserOf(acmePlan));
        assertFalse(accessFor("005000000000009", Set.of(Roles.PARTNER), GLOBEX).isPartnerUserOf(acmePlan));
        assertFalse(accessFor(CAM, Set.of(Roles.CHANNEL_MANAGER), ACME).isPartnerUserOf(acmePlan),
                "an account claim without the partner role makes no partner user");
    }

    @Test
    void anApproverMayReadADraftButNotEditIt() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> accessFor("005000000000004", Set.of(Roles.APPROVER), null).requireEditable(acmePlan));
        assertEquals(403, refused.status());
        accessFor("005000000000009", Set.of(Roles.PARTNER), ACME).requireEditable(acmePlan);
    }

    @Test
    void aPlanTheCallerMayNotSeeIsNotFoundRatherThanForbidden() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> accessFor("005000000000009", Set.of(Roles.PARTNER), GLOBEX).requireVisible(acmePlan));
        assertEquals(404, refused.status());
    }

    /** What PlanRepository's filter keeps: the account, then the plan's or its partner's owner. */
    private boolean admits(PlanAccess.ListScope scope, BusinessPlan plan) {
        if (scope.partner() != null && !scope.partner().equals(plan.partner())) {
            return false;
        }
        return scope.managedBy() == null || scope.managedBy().equals(plan.ownerId())
                || scope.managedBy().equals(directory.get(plan.partner()).ownerId());
    }

    private PlanAccess accessFor(String id, Set<String> roles, PartnerAccountId account) {
        PlanAccess access = new PlanAccess();
        access.user = new CurrentUser() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Set<String> roles() {
                return roles;
            }

            @Override
            public Optional<PartnerAccountId> partnerAccount() {
                return Optional.ofNullable(account);
            }
        };
        access.partners = new PartnerRepository() {
            @Override
            public Optional<Partner> find(PartnerAccountId accountId) {
                return Optional.ofNullable(directory.get(accountId));
            }
        };
        return access;
    }

    private static BusinessPlan plan(PartnerAccountId partner, String owner) {
        return new BusinessPlan(partner, UUID.randomUUID(), 1, "USD", PlanPeriod.fiscalYear(2027, 1), owner, owner,
                NOW);
    }
}
