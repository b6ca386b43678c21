package org.jbp.kpi.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jbp.kpi.entity.KpiAlert;
import org.jbp.notification.control.Notifier;
import org.jbp.partner.control.PartnerRepository;
import org.jbp.partner.entity.Partner;
import org.jbp.plan.control.PlanRepository;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.PlanStatus;
import org.jbp.plan.entity.Review;
import org.jbp.kernel.PlanId;
import org.jbp.kpi.entity.KpiAlertStatus;
import org.jbp.plan.entity.ReviewStatus;

/**
 * After every sync (called through the sync's {@code AlertsAfterSync}): each KPI and revenue target of an ACTIVE plan is held against its pace. Falling below the
 * threshold opens one alert per metric (none while one is open; a KPI and a target reading the same metric share
 * it, see {@link AlertRules}), prompts a review when none is due within a week, tells the
 * channel manager in the app and queues a CRM Task; recovering closes the alert and its Task.
 */
@ApplicationScoped
public class KpiAlerts {

    @PersistenceContext(unitName = "jbp")
    EntityManager em;
    @Inject
    KpiDashboards dashboards;
    @Inject
    KpiActuals actuals;
    @Inject
    PlanRepository plans;
    @Inject
    PartnerRepository partners;
    @Inject
    Notifier notifier;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "jbp.kpi.alert-review-days", defaultValue = "7")
    int reviewWithinDays;

    /**
     * After a sync: the ACTIVE ones among the plans it kept current, as the sync's alerts step hands them, a chunk
     * of its own transaction at a time. The chunk's plans, actuals, open alerts and scheduled reviews are each read
     * in one statement, not one per plan: every query in a transaction first makes EclipseLink compare all it
     * manages (the alerts, reviews and notifications opened so far), and PostgreSQL keeps the plan it chose while
     * the alert table was empty (a sequential scan). One query per plan made a first full sync of 5,000 plans
     * quadratic (bench/README.md).
     */
    public void actualsSynced(List<PlanId> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        // read-only: judging changes alerts, never the plan or its actuals, so neither is registered for the commit
        List<BusinessPlan> active = plans.readOnly(chunk, java.util.Set.of(PlanStatus.ACTIVE));
        if (active.isEmpty()) {
            return;
        }
        List<PlanId> ids = active.stream().map(BusinessPlan::id).toList();
        Map<PlanId, Map<String, java.math.BigDecimal>> current = actuals.current(ids);
        Map<PlanId, List<KpiAlert>> open = openAlerts(ids);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<PlanId, UUID> reviews = scheduledReviewsWithin(ids, today);
        for (BusinessPlan plan : active) {
            evaluate(plan, dashboards.summary(plan, current.getOrDefault(plan.id(), Map.of())),
                    open.getOrDefault(plan.id(), List.of()), reviews);
        }
    }

    /**
     * Opens and closes the plan's alerts for its current figures, one per metric.
     * {@code reviews}: the plans' reviews due within the window, by plan; a review this prompts is added, so a
     * plan's second alert of the same run is prompted by the same review.
     */
    private void evaluate(BusinessPlan plan, KpiDashboards.Dashboard dashboard, List<KpiAlert> openAlerts,
                         Map<PlanId, UUID> reviews) {
        Map<String, KpiAlert> open = new HashMap<>();
        for (KpiAlert alert : openAlerts) {
            open.put(alert.metric(), alert);
        }
        Map<String, KpiDashboards.Line> behind = AlertRules.offTrackByMetric(dashboard.watched());
        Instant now = clock.instant();
        for (KpiDashboards.Line line : behind.values()) {
            KpiAlert existing = open.remove(line.metric());
            if (existing == null) {
                open(plan, line, now, reviews);
            } else {
                existing.stillBelow(line.key(), line.pacePercent(), line.actual(), line.expectedToDate(),
                        AlertRules.message(line));
            }
        }
        // what is left recovered, or is no longer tracked by the plan at all
        for (KpiAlert recovered : open.values()) {
            recovered.recovered(now);
            notifier.closeTask(taskKey(recovered), plan, "KPI back above its threshold");
        }
    }

    private void open(BusinessPlan plan, KpiDashboards.Line line, Instant now, Map<PlanId, UUID> reviews) {
        String message = AlertRules.message(line);
        KpiAlert alert = new KpiAlert(plan.id(), line.key(), line.metric(), line.thresholdPercent(), line.pacePercent(),
                line.actual(), line.expectedToDate(), message, now);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        alert.promptedReview(reviews.computeIfAbsent(plan.id(), id -> {
            Review review = new Review(id, today.plusDays(Math.max(1, reviewWithinDays / 2)));
            em.persist(review);
            return review.id();
        }));
        em.persist(alert);
        String manager = channelManager(plan);
        notifier.user(manager, plan, "KPI_ALERT", message);
        notifier.task(taskKey(alert), manager, plan, "KPI alert: " + line.label() + " off track",
                message + ". Review the plan " + plan.title() + ".", now.plusSeconds(86_400L * reviewWithinDays));
    }

    /** A scheduled review due within the window, for each of the plans that has one. */
    private Map<PlanId, UUID> scheduledReviewsWithin(List<PlanId> planIds, LocalDate today) {
        Map<PlanId, UUID> due = new HashMap<>();
        em.createQuery("select r from Review r where r.planId in :plans and r.status = :scheduled "
                        + "and r.dueDate >= :today and r.dueDate <= :until", Review.class)
                .setParameter("plans", planIds).setParameter("scheduled", ReviewStatus.SCHEDULED)
                .setParameter("today", today).setParameter("until", today.plusDays(reviewWithinDays))
                .getResultList().forEach(r -> due.putIfAbsent(r.planId(), r.id()));
        return due;
    }

    /** The partner's owner in the CRM, else the plan's owner. */
    private String channelManager(BusinessPlan plan) {
        return partners.find(plan.partner()).map(Partner::ownerId).filter(o -> !o.isBlank()).orElse(plan.ownerId());
    }

    private static String taskKey(KpiAlert alert) {
        return "kpi-alert-" + alert.id();
    }

    /** The open alerts of each of the plans, in one query, managed: judging updates and closes them. */
    private Map<PlanId, List<KpiAlert>> openAlerts(java.util.Collection<PlanId> planIds) {
        Map<PlanId, List<KpiAlert>> byPlan = new HashMap<>();
        em.createQuery("select a from KpiAlert a where a.planId in :plans and a.status = :open", KpiAlert.class)
                .setParameter("plans", planIds).setParameter("open", KpiAlertStatus.OPEN).getResultList()
                .forEach(a -> byPlan.computeIfAbsent(a.planId(), k -> new java.util.ArrayList<>()).add(a));
        return byPlan;
    }

    /**
     * The KPI keys of the open alerts of each plan, sorted, for a whole page of plans in one query: the two columns
     * a line shows, not managed alerts (a page changes none of them).
     */
    public Map<PlanId, List<String>> openAlertKpis(java.util.Collection<PlanId> planIds) {
        Map<PlanId, List<String>> byPlan = new HashMap<>();
        if (planIds.isEmpty()) {
            return byPlan;
        }
        for (Object[] a : em.createQuery("select a.planId, a.kpiKey from KpiAlert a where a.planId in :plans "
                        + "and a.status = :open order by a.kpiKey", Object[].class)
                .setParameter("plans", planIds).setParameter("open", KpiAlertStatus.OPEN).getResultList()) {
            byPlan.computeIfAbsent((PlanId) a[0], k -> new java.util.ArrayList<>()).add((String) a[1]);
        }
        return byPlan;
    }

    public List<KpiAlert> history(PlanId planId) {
        return em.createQuery("select a from KpiAlert a where a.planId = :plan order by a.openedAt desc", KpiAlert.class)
                .setParameter("plan", planId).getResultList();
    }
}
