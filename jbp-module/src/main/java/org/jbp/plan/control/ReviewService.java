package org.jbp.plan.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.PlanStatus;
import org.jbp.plan.entity.Review;
import org.jbp.platform.ProblemException;
import org.jbp.security.CurrentUser;

/** Recording joint reviews of ACTIVE plans, each with a frozen snapshot of the KPIs. */
@RequestScoped
public class ReviewService {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @PersistenceContext(unitName = "jbp")
    EntityManager em;
    @Inject
    PlanRepository plans;
    @Inject
    PlanService planService;
    @Inject
    PlanAccess access;
    @Inject
    PeriodEndReports reports;
    @Inject
    CurrentUser user;
    @Inject
    Clock clock;
    @Inject
    jakarta.enterprise.event.Event<PlanEvent> events;

    /** An action agreed in a review. */
    public record ReviewAction(String description, String owner, LocalDate dueDate) {
    }

    /** Records the next scheduled review (or an extra one due today) with the KPIs as they stand now. */
    @Transactional
    public Review record(UUID planId, String notes, List<String> decisions, List<ReviewAction> actions) {
        BusinessPlan plan = plans.findForUpdate(planId).orElseThrow(() -> ProblemException.notFound("Plan " + planId));
        access.requireVisible(plan);
        if (plan.status() != PlanStatus.ACTIVE) {
            throw new BusinessPlan.IllegalTransition("review", plan.status());
        }
        Review review = reviews(planId).stream().filter(r -> Review.SCHEDULED.equals(r.status())).findFirst()
                .orElseGet(() -> {
                    Review extra = new Review(planId, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
                    em.persist(extra);
                    return extra;
                });
        PeriodEndReport snapshot = reports.build(plan, null, false);
        review.complete(notes, JSONB.toJson(decisions), JSONB.toJson(actions),
                JSONB.toJson(new KpiSnapshot(snapshot.kpis(), snapshot.targets())), user.id(), clock.instant());
        events.fire(new PlanEvent(planId, null, PlanEvent.Kind.REVIEWED));
        return review;
    }

    /** The KPIs and targets against actuals at the moment of a review. */
    public record KpiSnapshot(List<PeriodEndReport.Line> kpis, List<PeriodEndReport.Line> targets) {
    }

    public List<Review> list(UUID planId) {
        planService.visible(planId);
        return reviews(planId);
    }

    private List<Review> reviews(UUID planId) {
        return em.createQuery("select r from Review r where r.planId = :plan order by r.dueDate, r.id", Review.class)
                .setParameter("plan", planId).getResultList();
    }
}
