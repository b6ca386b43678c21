package org.jbp.report.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jbp.kpi.control.KpiActuals;
import org.jbp.partner.control.PartnerRepository;
import org.jbp.partner.entity.Partner;
import org.jbp.report.control.PeriodEndReport.CampaignLine;
import org.jbp.report.control.PeriodEndReport.CommitmentLine;
import org.jbp.report.control.PeriodEndReport.Line;
import org.jbp.approval.control.ApprovalRepository;
import org.jbp.approval.entity.ApprovalStep;
import org.jbp.people.control.UserDirectory;
import org.jbp.plan.control.OrgCurrencies;
import org.jbp.plan.control.PeriodEndSnapshot;
import org.jbp.plan.control.PlanService;
import org.jbp.plan.control.Reviews;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.Campaign;
import org.jbp.plan.entity.CertificationMilestone;
import org.jbp.plan.entity.PlanSections;
import org.jbp.plan.entity.PlanStatus;
import org.jbp.plan.entity.RevenueTargets;
import org.jbp.plan.entity.VendorCommitments;
import org.jbp.plan.entity.VendorDelivered;
import org.jbp.template.entity.KpiDirection;
import org.jbp.template.control.TemplateRepository;
import org.jbp.template.entity.KpiDefinition;
import org.jbp.kernel.Money;
import org.jbp.kernel.PlanId;

/**
 * Builds the planned-vs-actual report, keeps it with the plan at close and reads it back with its history (the
 * approval trail, burn-ups, conversion rate and names); the boundary's writers render it. Actuals are the metrics the CRM
 * mapping names: targets read {@code pipeline_created}, {@code revenue_won}, {@code deals_registered};
 * certifications {@code certifications_completed(ROLE)}; co-sell {@code co_sell_engagements}; MDF {@code mdf_claimed}.
 */
@ApplicationScoped
public class PeriodEndReports implements PeriodEndSnapshot {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    KpiActuals actuals;
    @Inject
    TemplateRepository templates;
    @Inject
    PartnerRepository partners;
    @Inject
    Clock clock;
    @Inject
    Reviews reviews;
    @Inject
    PlanService plans;
    @Inject
    ApprovalRepository approvals;
    @Inject
    OrgCurrencies currencies;
    @Inject
    BurnUps burnUps;
    @Inject
    UserDirectory directory;

    @Override
    public String closingReport(BusinessPlan plan, VendorDelivered delivered) {
        return json(build(plan, delivered, true));
    }

    /**
     * The report of a plan the caller may see: as stored when it closed, or an interim one built now for an
     * approved or active plan; with its history either way. A plan not yet agreed has nothing to report.
     */
    public PeriodEndReport of(PlanId planId) {
        BusinessPlan plan = plans.visible(planId);
        PeriodEndReport report;
        if (plan.status() == PlanStatus.CLOSED && plan.closingReportJson() != null) {
            report = read(plan.closingReportJson());
        } else if (plan.status() == PlanStatus.DRAFT || plan.status() == PlanStatus.IN_APPROVAL
                || plan.status() == PlanStatus.REJECTED) {
            throw new BusinessPlan.IllegalTransition("report", plan.status());
        } else {
            report = build(plan, null, false);
        }
        return withHistory(report, plan);
    }

    private PeriodEndReport withHistory(PeriodEndReport report, BusinessPlan plan) {
        List<ApprovalStep> decided = approvals.forPlan(plan.id()).stream()
                .filter(s -> s.status().isDecided() && s.decidedAt() != null)
                .sorted(java.util.Comparator.comparing(ApprovalStep::decidedAt)).toList();
        List<PeriodEndReport.ApprovalLine> trail = decided.stream()
                .map(s -> new PeriodEndReport.ApprovalLine(s.name(), s.kind().name(), s.round(), s.amendmentId(),
                        s.status().name(), s.decidedBy(), s.decidedAt(), s.reason())).toList();
        java.util.Set<String> ids = new java.util.HashSet<>();
        decided.forEach(s -> ids.add(s.decidedBy()));
        report.reviews().forEach(r -> ids.add(r.heldBy()));
        ids.remove(null);
        Map<String, String> names = new java.util.TreeMap<>(directory.names(ids));
        // a decision records the name its maker had then; the directory's current name wins where it has one
        decided.stream().filter(s -> s.decidedBy() != null && s.decidedByName() != null)
                .forEach(s -> names.putIfAbsent(s.decidedBy(), s.decidedByName()));
        PeriodEndReport.CurrencyConversion conversion = currencies.rateOf(plan.id())
                .filter(rate -> !rate.from().equals(rate.to()))
                .map(rate -> new PeriodEndReport.CurrencyConversion(rate.from(), rate.to(), rate.rate(), rate.recordedAt()))
                .orElse(null);
        return report.withHistory(trail, conversion, burnUps.of(plan), names);
    }

    public PeriodEndReport build(BusinessPlan plan, VendorDelivered delivered, boolean closing) {
        Map<String, BigDecimal> current = actuals.current(plan.id());
        PlanSections s = plan.content().sections();
        LocalDate asOf = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);

        List<Line> kpis = new ArrayList<>();
        List<KpiDefinition> definitions = templates.version(plan.templateId(), plan.templateVersion()).orElseThrow()
                .definition().kpis();
        if (s.kpis() != null) {
            for (var target : s.kpis()) {
                KpiDefinition d = definitions.stream().filter(k -> k.key().equals(target.kpiKey())).findFirst().orElse(null);
                String metric = d == null || d.sourceKey() == null ? target.kpiKey() : d.sourceKey();
                kpis.add(Line.of(target.kpiKey(), d == null ? target.kpiKey() : d.label(),
                        d == null ? null : d.unit().name(), target.target(), KpiActuals.periodValue(current, metric),
                        d != null && d.directionOrDefault() == KpiDirection.LOWER_IS_BETTER).measuring(metric));
            }
        }

        List<Line> targets = new ArrayList<>();
        RevenueTargets revenue = s.revenue();
        if (revenue != null) {
            targets.add(Line.of("pipeline", "Pipeline", "CURRENCY", Money.amountOf(revenue.pipeline()),
                    KpiActuals.periodValue(current, "pipeline_created")));
            targets.add(Line.of("closedRevenue", "Closed revenue", "CURRENCY", Money.amountOf(revenue.closedRevenue()),
                    KpiActuals.periodValue(current, "revenue_won")));
            targets.add(Line.of("registeredDeals", "Registered deals", "COUNT",
                    revenue.registeredDeals() == null ? null : BigDecimal.valueOf(revenue.registeredDeals()),
                    KpiActuals.periodValue(current, "deals_registered")));
        }

        List<CampaignLine> campaigns = new ArrayList<>();
        BigDecimal mdfPlanned = BigDecimal.ZERO;
        for (Campaign c : s.campaigns() == null ? List.<Campaign>of() : s.campaigns()) {
            BigDecimal mdf = Money.amountOf(c.mdfRequested());
            mdfPlanned = mdfPlanned.add(mdf == null ? BigDecimal.ZERO : mdf);
            campaigns.add(new CampaignLine(c.key(), c.name(), c.tactic().name(), c.startDate(), c.endDate(), mdf,
                    !c.endDate().isAfter(asOf)));
        }
        Line mdf = Line.of("mdf", "MDF requested vs claimed", "CURRENCY", mdfPlanned,
                KpiActuals.periodValue(current, "mdf_claimed"));

        List<Line> certifications = new ArrayList<>();
        for (CertificationMilestone m : s.certifications() == null ? List.<CertificationMilestone>of() : s.certifications()) {
            certifications.add(Line.of(m.role().name(), m.track() + " (" + m.role().name().toLowerCase() + ")", "COUNT",
                    BigDecimal.valueOf(m.count()),
                    KpiActuals.periodValue(current, "certifications_completed(" + m.role().name() + ")")));
        }
        Line coSell = s.coSell() == null || s.coSell().engagementsTarget() == null ? null
                : Line.of("coSellEngagements", "Co-sell engagements", "COUNT",
                BigDecimal.valueOf(s.coSell().engagementsTarget()),
                KpiActuals.periodValue(current, "co_sell_engagements"));

        List<CommitmentLine> commitments = new ArrayList<>();
        VendorCommitments promised = plan.content().vendorCommitments();
        if (promised != null) {
            commitments.add(new CommitmentLine("MDF budget", text(Money.amountOf(promised.mdfBudget())),
                    delivered == null ? null : text(delivered.mdfPaid()), "CURRENCY"));
            commitments.add(new CommitmentLine("Co-sell support hours", text(promised.coSellSupportHours()),
                    delivered == null ? null : text(delivered.coSellSupportHours()), "HOURS"));
            commitments.add(new CommitmentLine("Pre-sales availability hours", text(promised.preSalesAvailabilityHours()),
                    delivered == null ? null : text(delivered.preSalesAvailabilityHours()), "HOURS"));
            commitments.add(new CommitmentLine("Executive sponsorship", promised.executiveSponsor(),
                    delivered == null ? null : delivered.executiveSponsorship(), null));
        }
        Partner partner = partners.find(plan.partner()).orElse(null);
        return new PeriodEndReport(plan.id().toString(), plan.title(), plan.partner().value(),
                partner == null ? null : partner.name(), plan.period().label(), plan.period().start(),
                plan.period().end(), plan.currency(), closing ? PlanStatus.CLOSED.name() : plan.status().name(),
                clock.instant(), !closing && plan.status() != PlanStatus.CLOSED, kpis, targets, campaigns, mdf,
                certifications, coSell, commitments, reviewsHeld(plan), null, null, null, null);
    }

    private List<PeriodEndReport.ReviewLine> reviewsHeld(BusinessPlan plan) {
        // in the order they were held: an extra review held today may be due before a scheduled one held earlier
        return reviews.of(plan.id()).stream().filter(r -> r.status() == org.jbp.plan.entity.ReviewStatus.COMPLETED)
                .sorted(java.util.Comparator.comparing(org.jbp.plan.entity.Review::completedAt,
                        java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
                .map(r -> new PeriodEndReport.ReviewLine(r.id(), r.dueDate(), r.completedAt(), r.completedBy(),
                        Reviews.decisions(r), Reviews.actions(r)))
                .toList();
    }

    public String json(PeriodEndReport report) {
        return JSONB.toJson(report);
    }

    public PeriodEndReport read(String json) {
        return JSONB.fromJson(json, PeriodEndReport.class);
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return value == null ? null : value.toString();
    }
}
