package org.jbp.review.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jbp.kernel.PlanId;
import org.jbp.kpi.control.KpiDashboards;
import org.jbp.plan.control.PlanAccess;
import org.jbp.plan.control.PlanEvent;
import org.jbp.plan.control.PlanRepository;
import org.jbp.plan.control.PlanService;
import org.jbp.plan.control.Reviews;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.PlanStatus;
import org.jbp.plan.entity.Review;
import org.jbp.plan.entity.ReviewAction;
import org.jbp.plan.entity.ReviewActionRules;
import org.jbp.plan.entity.ReviewStatus;
import org.jbp.platform.ProblemException;
import org.jbp.security.CurrentUser;

/**
 * Recording joint reviews of ACTIVE plans: each freezes the dashboard's lines (target, actual, expected by today,
 * status) as they stood, keeps its notes, decisions and actions, and decides on the previous review's open actions.
 */
@RequestScoped
public class ReviewService {

    @PersistenceContext(unitName = "jbp")
    EntityManager em;
    @Inject
    PlanRepository plans;
    @Inject
    PlanService planService;
    @Inject
    PlanAccess access;
    @Inject
    Reviews reviews;
    @Inject
    KpiDashboards dashboards;
    @Inject
    CurrentUser user;
    @Inject
    Clock clock;
    @Inject
    jakarta.enterprise.event.Event<PlanEvent> events;

    /** The KPIs and revenue targets with their pace as of {@code asOf}: the dashboard's lines, frozen with a review. */
    public record KpiSnapshot(LocalDate asOf, List<KpiDashboards.Line> kpis, List<KpiDashboards.Line> targets) {
        static KpiSnapshot of(KpiDashboards.Dashboard d) {
            return new KpiSnapshot(d.asOf(), d.kpis(), d.targets());
        }
    }

    /** An open action of the previous review, at its position there (what a decision names). */
    public record OpenAction(int action, ReviewAction detail) {
    }

    /** What the next review is held against: its due date, the KPIs now, the previous review's open actions. */
    public record Workspace(LocalDate dueDate, KpiSnapshot snapshot, Review previous, List<OpenAction> openActions) {
    }

    public Workspace workspace(PlanId planId) {
        BusinessPlan plan = planService.visible(planId);
        if (plan.status() != PlanStatus.ACTIVE) {
            throw new BusinessPlan.IllegalTransition("review", plan.status());
        }
        LocalDate due = reviews.of(planId).stream().filter(r -> r.status() == ReviewStatus.SCHEDULED).findFirst()
                .map(Review::dueDate).orElse(today());
        Optional<Review> previous = reviews.lastRecorded(planId);
        List<OpenAction> open = new ArrayList<>();
        if (previous.isPresent()) {
            List<ReviewAction> actions = Reviews.actions(previous.get());
            for (int i = 0; i < actions.size(); i++) {
                if (actions.get(i).isOpen()) {
                    open.add(new OpenAction(i, actions.get(i)));
                }
            }
        }
        return new Workspace(due, KpiSnapshot.of(dashboards.of(plan)), previous.orElse(null), open);
    }

    /**
     * Records the next scheduled review (or an extra one due today) with the KPIs as they stand now, and applies
     * the decisions on the previous review's open actions (see {@link ReviewActionRules} for why each needs one).
     */
    @Transactional
    public Review record(PlanId planId, String notes, List<String> decisions, List<ReviewAction> actions,
                         List<ReviewActionRules.Decision> onPrevious) {
        BusinessPlan plan = plans.findForUpdate(planId).orElseThrow(() -> ProblemException.notFound("Plan " + planId));
        access.requireVisible(plan);
        if (plan.status() != PlanStatus.ACTIVE) {
            throw new BusinessPlan.IllegalTransition("review", plan.status());
        }
        Optional<Review> previous = reviews.lastRecorded(planId);
        Review review = reviews.of(planId).stream().filter(r -> r.status() == ReviewStatus.SCHEDULED).findFirst()
                .orElseGet(() -> {
                    Review extra = new Review(planId, today());
                    em.persist(extra);
                    return extra;
                });
        ReviewActionRules.Outcome outcome = ReviewActionRules.apply(previous.map(p -> new ReviewActionRules.Previous(
                        p.id(), reviewDate(p), Reviews.actions(p))).orElse(null), onPrevious, review.id(), today(),
                actions);
        previous.ifPresent(p -> p.actionsDecided(Reviews.json(outcome.previous())));
        review.complete(notes, Reviews.json(decisions), Reviews.json(outcome.actions()),
                Reviews.json(KpiSnapshot.of(dashboards.of(plan))), user.id(), clock.instant());
        events.fire(new PlanEvent(planId, null, PlanEvent.Kind.REVIEWED));
        return review;
    }

    public List<Review> list(PlanId planId) {
        return list(planService.visible(planId));
    }

    /** The reviews of a plan the caller was shown ({@code PlanService.visible}), without reading it again. */
    public List<Review> list(BusinessPlan visible) {
        return reviews.of(visible.id());
    }

    /** The day a review was held; its due date when it was recorded before timestamps were kept. */
    static LocalDate reviewDate(Review r) {
        return r.completedAt() == null ? r.dueDate() : LocalDate.ofInstant(r.completedAt(), ZoneOffset.UTC);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
