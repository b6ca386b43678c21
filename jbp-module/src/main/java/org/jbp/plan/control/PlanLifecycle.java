package org.jbp.plan.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jbp.kernel.PlanId;
import org.jbp.notification.control.Notifier;
import org.jbp.plan.entity.Amendment;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.PlanContent;
import org.jbp.plan.entity.PlanPeriod;
import org.jbp.plan.entity.PlanStatus;
import org.jbp.plan.entity.Review;
import org.jbp.plan.entity.ReviewStatus;
import org.jbp.security.Roles;
import org.jbp.template.control.TemplateRepository;
import org.jbp.template.entity.ReviewCadence;

/**
 * What happens to a plan when its approval chain ends, and as time passes: activation at the period start,
 * the review schedule, overdue reviews, the automatic close at period end.
 */
@ApplicationScoped
public class PlanLifecycle implements ChainOutcome {

    static final String SYSTEM = "jbp-system";

    @PersistenceContext(unitName = "jbp")
    EntityManager em;
    @Inject
    PlanRepository plans;
    @Inject
    TemplateRepository templates;
    @Inject
    Notifier notifier;
    @Inject
    PeriodEndSnapshot reports;
    @Inject
    Clock clock;
    @Inject
    jakarta.enterprise.event.Event<PlanEvent> events;

    @Override
    public void approved(PlanId planId, UUID amendmentId) {
        BusinessPlan plan = plans.find(planId).orElseThrow();
        Instant now = clock.instant();
        if (amendmentId != null) {
            Amendment amendment = em.find(Amendment.class, amendmentId);
            PlanContent content = PlanJson.read(amendment.proposedContentJson());
            var changed = JsonDiff.changedFields(PlanJson.tree(plan.contentJson()),
                    PlanJson.tree(amendment.proposedContentJson()));
            var revision = plan.applyAmendment(content, amendment.proposedContentJson(), changed,
                    amendment.createdBy(), "amendment: " + amendment.rationale(), now);
            plans.add(revision);
            amendment.applied(revision.number(), now);
            events.fire(new PlanEvent(planId, amendmentId, PlanEvent.Kind.AMENDMENT_APPROVED));
            tellBothSides(plan, "AMENDMENT_APPROVED", "The amendment to '" + plan.title()
                    + "' is approved and is now revision " + revision.number());
            return;
        }
        plan.approve(now);
        events.fire(new PlanEvent(planId, null, PlanEvent.Kind.APPROVED));
        tellBothSides(plan, "PLAN_APPROVED", "'" + plan.title() + "' is approved");
        activateIfStarted(plan);
    }

    @Override
    public void revisionRequested(PlanId planId, UUID amendmentId, String reason) {
        BusinessPlan plan = plans.find(planId).orElseThrow();
        if (amendmentId != null) {
            em.find(Amendment.class, amendmentId).sentBack(clock.instant());
            tellBothSides(plan, "AMENDMENT_REVISION_REQUESTED", "The amendment to '" + plan.title()
                    + "' was sent back: " + reason);
            return;
        }
        plan.returnToDraft(clock.instant());
        tellBothSides(plan, "REVISION_REQUESTED", "'" + plan.title() + "' needs revision: " + reason);
    }

    @Override
    public void rejected(PlanId planId, UUID amendmentId, String reason) {
        BusinessPlan plan = plans.find(planId).orElseThrow();
        if (amendmentId != null) {
            em.find(Amendment.class, amendmentId).refused(clock.instant());
            tellBothSides(plan, "AMENDMENT_REJECTED", "The amendment to '" + plan.title() + "' was rejected: " + reason);
            return;
        }
        plan.reject(clock.instant());
        tellBothSides(plan, "PLAN_REJECTED", "'" + plan.title() + "' was rejected: " + reason);
    }

    private void tellBothSides(BusinessPlan plan, String kind, String message) {
        notifier.user(plan.ownerId(), plan, kind, message);
        notifier.role(Roles.PARTNER, plan, kind, message);
    }

    /** APPROVED becomes ACTIVE at the period start (or at once), and its reviews are scheduled. */
    public boolean activateIfStarted(BusinessPlan plan) {
        LocalDate today = today();
        if (!plan.activateIfStarted(today, clock.instant())) {
            return false;
        }
        ReviewCadence cadence = templates.version(plan.templateId(), plan.templateVersion()).orElseThrow()
                .definition().reviewCadence();
        for (LocalDate due : reviewDates(plan.period(), cadence, today)) {
            em.persist(new Review(plan.id(), due));
        }
        tellBothSides(plan, "PLAN_ACTIVE", "'" + plan.title() + "' is active; reviews are "
                + cadence.name().toLowerCase());
        return true;
    }

    /** The last day of each month (or quarter of the period) from today to the period end. */
    static List<LocalDate> reviewDates(PlanPeriod period, ReviewCadence cadence, LocalDate from) {
        List<LocalDate> dates = new ArrayList<>();
        if (cadence == ReviewCadence.QUARTERLY) {
            period.quarters().stream().map(PlanPeriod.DateRange::end).filter(d -> !d.isBefore(from)).forEach(dates::add);
            return dates;
        }
        LocalDate due = period.start().with(TemporalAdjusters.lastDayOfMonth());
        while (!due.isAfter(period.end())) {
            if (!due.isBefore(from)) {
                dates.add(due);
            }
            due = due.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth());
        }
        return dates;
    }

    /** One pass of everything time drives; safe to run on several instances (row locks, idempotent steps). */
    @Transactional
    public int runScheduledWork() {
        int changed = 0;
        LocalDate today = today();
        for (PlanId id : due("p.status = :status and p.period.start <= :today", PlanStatus.APPROVED, today)) {
            if (activateIfStarted(lockById(id))) {
                changed++;
            }
        }
        for (Object[] row : em.createQuery("select r, p from Review r, BusinessPlan p where p.id = r.planId "
                        + "and p.status = :active and r.status = :s and r.dueDate < :today "
                        + "and r.overdueNotifiedAt is null", Object[].class)
                .setParameter("active", PlanStatus.ACTIVE).setParameter("s", ReviewStatus.SCHEDULED)
                .setParameter("today", today).getResultList()) {
            Review review = (Review) row[0];
            BusinessPlan plan = (BusinessPlan) row[1];
            String message = "The " + review.dueDate() + " review of '" + plan.title() + "' is overdue";
            notifier.user(plan.ownerId(), plan, "REVIEW_OVERDUE", message);
            notifier.task("jbp-review-" + review.id(), plan.ownerId(), plan, "Hold the joint plan review: "
                    + plan.title(), message, review.dueDate().atStartOfDay().toInstant(ZoneOffset.UTC));
            review.overdueNotified(clock.instant());
            changed++;
        }
        for (PlanId id : due("p.status = :status and p.period.end < :today", PlanStatus.ACTIVE, today)) {
            BusinessPlan locked = lockById(id);
            if (locked.status() != PlanStatus.ACTIVE) {
                continue; // another instance closed it meanwhile
            }
            locked.close(SYSTEM, clock.instant(), reports.closingReport(locked, null), null);
            tellBothSides(locked, "PLAN_CLOSED", "'" + locked.title() + "' closed at the end of its period");
            events.fire(new PlanEvent(locked.id(), null, PlanEvent.Kind.CLOSED));
            changed++;
        }
        return changed;
    }

    /**
     * The ids of the plans in {@code status} whose time has come: the database reads only those (partial indexes
     * of V10), so a pass costs what is due, not what exists.
     */
    private List<PlanId> due(String condition, PlanStatus status, LocalDate today) {
        return em.createQuery("select p.id from BusinessPlan p where " + condition + " order by p.id", PlanId.class)
                .setParameter("status", status).setParameter("today", today).getResultList();
    }

    private BusinessPlan lockById(PlanId id) {
        return plans.findForUpdate(id).orElseThrow();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
