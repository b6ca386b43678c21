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
import java.util.Optional;
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

    /** After a sync: the ACTIVE ones among the plans it kept current. */
    public void actualsSynced(List<PlanId> planIds) {
        for (PlanId planId : planIds) {
            plans.find(planId).filter(p -> p.status() == PlanStatus.ACTIVE).ifPresent(this::evaluate);
        }
    }

    /** Opens and closes the plan's alerts for its current figures, one per metric; returns how many changed. */
    public int evaluate(BusinessPlan plan) {
        KpiDashboards.Dashboard dashboard = dashboards.of(plan);
        Map<String, KpiAlert> open = new HashMap<>();
        for (KpiAlert alert : openAlerts(plan.id())) {
            open.put(alert.metric(), alert);
        }
        Map<String, KpiDashboards.Line> behind = AlertRules.offTrackByMetric(dashboard.watched());
        int changed = 0;
        Instant now = clock.instant();
        for (KpiDashboards.Line line : behind.values()) {
            KpiAlert existing = open.remove(line.metric());
            if (existing == null) {
                open(plan, line, now);
                changed++;
            } else {
                existing.stillBelow(line.key(), line.pacePercent(), line.actual(), line.expectedToDate(),
                        AlertRules.message(line));
            }
        }
        // what is left recovered, or is no longer tracked by the plan at all
        for (KpiAlert recovered : open.values()) {
            recovered.recovered(now);
            notifier.closeTask(taskKey(recovered), plan, "KPI back above its threshold");
            changed++;
        }
        return changed;
    }

    private void open(BusinessPlan plan, KpiDashboards.Line line, Instant now) {
        String message = AlertRules.message(line);
        KpiAlert alert = new KpiAlert(plan.id(), line.key(), line.metric(), line.thresholdPercent(), line.pacePercent(),
                line.actual(), line.expectedToDate(), message, now);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        alert.promptedReview(scheduledReviewWithin(plan.id(), today).orElseGet(() -> {
            Review review = new Review(plan.id(), today.plusDays(Math.max(1, reviewWithinDays / 2)));
            em.persist(review);
            return review.id();
        }));
        em.persist(alert);
        String manager = channelManager(plan);
        notifier.user(manager, plan, "KPI_ALERT", message);
        notifier.task(taskKey(alert), manager, plan, "KPI alert: " + line.label() + " off track",
                message + ". Review the plan " + plan.title() + ".", now.plusSeconds(86_400L * reviewWithinDays));
    }

    private Optional<UUID> scheduledReviewWithin(PlanId planId, LocalDate today) {
        return em.createQuery("select r from Review r where r.planId = :plan and r.status = :scheduled "
                        + "and r.dueDate >= :today and r.dueDate <= :until", Review.class)
                .setParameter("plan", planId).setParameter("scheduled", ReviewStatus.SCHEDULED)
                .setParameter("today", today).setParameter("until", today.plusDays(reviewWithinDays))
                .setMaxResults(1).getResultList().stream().map(Review::id).findFirst();
    }

    /** The partner's owner in the CRM, else the plan's owner. */
    private String channelManager(BusinessPlan plan) {
        return partners.find(plan.partner()).map(Partner::ownerId).filter(o -> !o.isBlank()).orElse(plan.ownerId());
    }

    private static String taskKey(KpiAlert alert) {
        return "kpi-alert-" + alert.id();
    }

    public List<KpiAlert> openAlerts(PlanId planId) {
        return em.createQuery("select a from KpiAlert a where a.planId = :plan and a.status = :open", KpiAlert.class)
                .setParameter("plan", planId).setParameter("open", KpiAlertStatus.OPEN).getResultList();
    }

    /** The KPI keys of the open alerts of each plan, sorted, for a whole page of plans in one query. */
    public Map<PlanId, List<String>> openAlertKpis(java.util.Collection<PlanId> planIds) {
        Map<PlanId, List<String>> byPlan = new java.util.HashMap<>();
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
