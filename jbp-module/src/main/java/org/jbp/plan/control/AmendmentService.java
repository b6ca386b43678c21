package org.jbp.plan.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jbp.kernel.PlanId;
import org.jbp.plan.entity.Amendment;
import org.jbp.plan.entity.AmendmentStatus;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.PlanContent;
import org.jbp.plan.entity.PlanStatus;
import org.jbp.platform.FieldError;
import org.jbp.platform.JsonInput;
import org.jbp.platform.ProblemException;
import org.jbp.security.CurrentUser;

/** Proposing changes to an ACTIVE plan: a merge patch with a rationale, approved through the chain. */
@RequestScoped
public class AmendmentService {

    @PersistenceContext(unitName = "jbp")
    EntityManager em;
    @Inject
    PlanRepository plans;
    @Inject
    PlanService planService;
    @Inject
    PlanAccess access;
    @Inject
    jakarta.enterprise.event.Event<AmendmentProposed> proposals;
    @Inject
    JsonInput input;
    @Inject
    CurrentUser user;
    @Inject
    Clock clock;

    @Transactional
    public Amendment propose(PlanId planId, String rationale, JsonObject changes) {
        BusinessPlan plan = plans.findForUpdate(planId).orElseThrow(() -> ProblemException.notFound("Plan " + planId));
        access.requireVisible(plan);
        if (!access.actsForVendorOn(plan) && !access.isPartnerUserOf(plan)) {
            throw ProblemException.forbidden("Only the plan's channel manager, its partner or an admin amends it");
        }
        if (plan.status() != PlanStatus.ACTIVE) {
            throw new BusinessPlan.IllegalTransition("amend", plan.status());
        }
        if (!open(planId).isEmpty()) {
            throw ProblemException.conflict("An amendment of this plan is already in approval",
                    Map.of("amendmentId", open(planId).get(0).id().toString()));
        }
        List<FieldError> fixed = changes.keySet().stream()
                .filter(k -> !List.of("title", "sections", "vendorCommitments").contains(k))
                .map(k -> new FieldError("changes." + k, "cannot be amended")).toList();
        if (!fixed.isEmpty()) {
            throw ProblemException.invalid(fixed);
        }
        JsonObject before = PlanJson.tree(plan.contentJson());
        JsonObject merged = Json.createMergePatch(changes).apply(before).asJsonObject();
        PlanContent proposed = new PlanRules(planService.templateOf(plan).definition(), plan.currency(), plan.period())
                .check(input.bind(merged, PlanContent.class), plan.content());
        String json = PlanJson.write(proposed);
        if (JsonDiff.changedFields(before, PlanJson.tree(json)).isEmpty()) {
            throw ProblemException.invalid("changes", "the amendment changes nothing");
        }
        Amendment amendment = new Amendment(planId, rationale, json, plan.revision(), user.id(), clock.instant());
        em.persist(amendment);
        proposals.fire(new AmendmentProposed(plan, amendment.id(), plan.openAmendmentRound()));
        return amendment;
    }

    public List<Amendment> all(PlanId planId) {
        planService.visible(planId);
        return em.createQuery("select a from Amendment a where a.planId = :plan order by a.createdAt", Amendment.class)
                .setParameter("plan", planId).getResultList();
    }

    private List<Amendment> open(PlanId planId) {
        return em.createQuery("select a from Amendment a where a.planId = :plan and a.status = :s", Amendment.class)
                .setParameter("plan", planId).setParameter("s", AmendmentStatus.IN_APPROVAL).getResultList();
    }

    public List<JsonDiff.FieldChange> changes(Amendment amendment, BusinessPlan plan) {
        return JsonDiff.between(PlanJson.tree(plan.contentJson()), PlanJson.tree(amendment.proposedContentJson()));
    }
}
