package org.jbp.kpi.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.Campaign;
import org.jbp.plan.entity.CertificationMilestone;
import org.jbp.plan.entity.PlanSections;
import org.jbp.kernel.Money;

/**
 * Planned against actual for one plan, as of today: per KPI and revenue target the pace, status and projection.
 * Projections of revenue won (the KPI and the closed-revenue target) add the open pipeline weighted by each
 * opportunity's probability: metric {@value #WEIGHTED_PIPELINE}, which the shipped KPI mapping aggregates in the
 * CRM as SUM(ExpectedRevenue) of open opportunities closing in the period. Other KPIs project their run rate.
 */
@ApplicationScoped
public class KpiDashboards {

    public static final String WEIGHTED_PIPELINE = "open_pipeline_weighted";

    @Inject
    KpiActuals actuals;
    @Inject
    Yardsticks yardsticks;
    @Inject
    Clock clock;
    /** The rate money actuals were converted with from the org's corporate currency, shown with them. */
    @Inject
    org.jbp.plan.control.OrgCurrencies currencies;
    @PersistenceContext(unitName = "jbp")
    EntityManager em;
    /** Fund request state per campaign, from the feature that writes the requests (absent in a bare deployment). */
    @Inject
    jakarta.enterprise.inject.Instance<CampaignFundsSource> fundSources;

    public record Line(String key, String label, String metric, String unit, BigDecimal target, BigDecimal actual,
                       BigDecimal attainmentPercent, BigDecimal expectedToDate, BigDecimal pacePercent,
                       String status, BigDecimal thresholdPercent, BigDecimal projection,
                       boolean projectionIncludesPipeline) {
    }

    /**
     * A campaign with its MDF: what the plan asks, and where the fund request stands in the CRM (status, approved,
     * claimed and paid amounts) as the last KPI sync read it; the fund fields are null without a fund request.
     */
    public record CampaignFunds(String key, String name, LocalDate startDate, LocalDate endDate,
                                BigDecimal mdfRequested, boolean ended, String fundStatus, BigDecimal mdfApproved,
                                BigDecimal mdfClaimed, BigDecimal mdfPaid, Instant fundsReadAt) {
    }

    public record CertificationProgress(String role, String track, int target, BigDecimal completed,
                                        BigDecimal attainmentPercent, LocalDate dueDate) {
    }

    public record Dashboard(String planId, String status, LocalDate periodStart, LocalDate periodEnd, LocalDate asOf,
                            double elapsedShare, List<Line> kpis, List<Line> targets, List<CampaignFunds> campaigns,
                            BigDecimal mdfClaimed, List<CertificationProgress> certifications, Instant lastSyncedAt,
                            org.jbp.plan.control.OrgCurrencies.PlanRate currencyConversion) {

        /** The lines an alert watches: KPIs and revenue targets. */
        public List<Line> watched() {
            List<Line> all = new ArrayList<>(kpis);
            all.addAll(targets);
            return all;
        }

        /** The lines a plan is judged by at a glance: its KPIs, or its revenue targets when it has no KPIs. */
        public List<Line> headline() {
            return kpis.isEmpty() ? targets : kpis;
        }

        /** The mean attainment of the {@link #headline()} lines that have one; null when none has. */
        public BigDecimal meanAttainment() {
            List<BigDecimal> values = headline().stream().map(Line::attainmentPercent)
                    .filter(java.util.Objects::nonNull).toList();
            if (values.isEmpty()) {
                return null;
            }
            return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(values.size()), 2, java.math.RoundingMode.HALF_UP);
        }

        /** The worst pace status among the watched lines. */
        public Pace.Status worstPace() {
            Pace.Status worst = Pace.Status.ON_TRACK;
            for (Line line : watched()) {
                Pace.Status s = Pace.Status.valueOf(line.status());
                worst = s.ordinal() > worst.ordinal() ? s : worst;
            }
            return worst;
        }
    }

    public Dashboard of(BusinessPlan plan) {
        return of(plan, actuals.current(plan.id()), true);
    }

    /**
     * What a list row shows (attainment per KPI, the mean, the worst pace) from actuals already read for the whole
     * page ({@link KpiActuals#current(java.util.Collection)}): without the campaign funds, certifications, sync time
     * and conversion rate, which a list does not show and which cost a query each per plan.
     */
    public Dashboard summary(BusinessPlan plan, Map<String, BigDecimal> current) {
        return of(plan, current, false);
    }

    private Dashboard of(BusinessPlan plan, Map<String, BigDecimal> current, boolean full) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate start = plan.period().start();
        LocalDate end = plan.period().end();
        PlanSections s = plan.content().sections();
        Yardsticks.Yardstick yardstick = yardsticks.of(plan, today);
        BigDecimal pipeline = KpiActuals.periodValue(current, WEIGHTED_PIPELINE);
        List<Line> kpis = lines(yardstick.kpis(), current, pipeline, start, end, today);
        List<Line> targets = lines(yardstick.targets(), current, pipeline, start, end, today);

        if (!full) {
            return new Dashboard(plan.id().toString(), plan.status().name(), start, end, today,
                    Pace.elapsedShare(start, end, today), kpis, targets, List.of(),
                    KpiActuals.periodValue(current, "mdf_claimed"), List.of(), null, null);
        }
        Map<String, CampaignFundsSource.FundState> funds = new java.util.HashMap<>();
        fundSources.forEach(source -> funds.putAll(source.byCampaign(plan.id())));
        List<CampaignFunds> campaigns = new ArrayList<>();
        for (Campaign c : s.campaigns() == null ? List.<Campaign>of() : s.campaigns()) {
            CampaignFundsSource.FundState f = funds.get(c.key());
            campaigns.add(new CampaignFunds(c.key(), c.name(), c.startDate(), c.endDate(), Money.amountOf(c.mdfRequested()),
                    !c.endDate().isAfter(today), f == null ? null : f.status(), f == null ? null : f.approved(),
                    f == null ? null : f.claimed(), f == null ? null : f.paid(), f == null ? null : f.readAt()));
        }
        List<CertificationProgress> certifications = new ArrayList<>();
        for (CertificationMilestone m : s.certifications() == null ? List.<CertificationMilestone>of() : s.certifications()) {
            BigDecimal done = KpiActuals.periodValue(current, "certifications_completed(" + m.role().name() + ")");
            BigDecimal completed = done == null ? BigDecimal.ZERO : done;
            certifications.add(new CertificationProgress(m.role().name(), m.track(), m.count(), completed,
                    Pace.attainmentPercent(completed, BigDecimal.valueOf(m.count())), m.dueDate()));
        }
        return new Dashboard(plan.id().toString(), plan.status().name(), start, end, today,
                Pace.elapsedShare(start, end, today), kpis, targets, campaigns,
                KpiActuals.periodValue(current, "mdf_claimed"), certifications, lastSynced(),
                currencies.rateOf(plan.id()).orElse(null));
    }

    /** Each measured line with today's actual: attainment, pace, status and projection. */
    private static List<Line> lines(List<Yardsticks.Measure> measures, Map<String, BigDecimal> current,
                                    BigDecimal pipeline, LocalDate start, LocalDate end, LocalDate today) {
        List<Line> lines = new ArrayList<>(measures.size());
        for (Yardsticks.Measure m : measures) {
            BigDecimal actual = KpiActuals.periodValue(current, m.metric());
            BigDecimal value = actual == null ? BigDecimal.ZERO : actual;
            BigDecimal pace = Pace.pacePercent(value, m.expected(), m.lowerIsBetter());
            BigDecimal withPipeline = m.usesPipeline() ? pipeline : null;
            lines.add(new Line(m.key(), m.label(), m.metric(), m.unit(), m.target(), actual,
                    Pace.attainmentPercent(value, m.target()), m.expected(), pace,
                    Pace.status(pace, m.threshold()).name(), m.threshold(),
                    Pace.projection(value, start, end, today, withPipeline), withPipeline != null));
        }
        return lines;
    }

    /** The end of the last completed CRM sync, which covers every plan it serves. */
    public Instant lastSynced() {
        List<?> rows = em.createNativeQuery("select max(ended_at) from sync_run where status = 'COMPLETED'")
                .getResultList();
        Object value = rows.isEmpty() ? null : rows.get(0);
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof Instant i ? i : null;
    }
}
