package org.jbp.plan.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jbp.kernel.Money;
import org.jbp.kernel.PlanId;
import org.jbp.notification.control.Notifier;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.CoSellGoals;
import org.jbp.plan.entity.KpiTarget;
import org.jbp.plan.entity.PlanContent;
import org.jbp.plan.entity.PlanPeriod;
import org.jbp.plan.entity.PlanRevision;
import org.jbp.plan.entity.PlanSections;
import org.jbp.plan.entity.PlanStatus;
import org.jbp.plan.entity.RevenueTargets;
import org.jbp.plan.entity.VendorDelivered;
import org.jbp.platform.ProblemException;
import org.jbp.security.CurrentUser;
import org.jbp.security.Roles;
import org.jbp.template.control.TemplateRepository;
import org.jbp.template.entity.KpiDefinition;
import org.jbp.template.entity.Section;
import org.jbp.template.entity.TemplateDefinition;
import org.jbp.template.entity.TemplateVersion;

/**
 * The end of a cycle: closing with the period-end report (kept as the report feature builds it), and the next
 * period's draft from the actuals.
 */
@RequestScoped
public class ClosingService {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    PlanRepository plans;
    @Inject
    PlanService planService;
    @Inject
    PlanAccess access;
    @Inject
    PeriodEndSnapshot reports;
    @Inject
    PlanActuals actuals;
    @Inject
    TemplateRepository templates;
    @Inject
    Notifier notifier;
    @Inject
    CurrentUser user;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "jbp.next-cycle.growth-percent", defaultValue = "10")
    BigDecimal defaultGrowthPercent;
    @Inject
    jakarta.enterprise.event.Event<PlanEvent> events;

    @Transactional
    public BusinessPlan close(PlanId planId, VendorDelivered delivered) {
        BusinessPlan plan = managed(planId, "close");
        plan.close(user.id(), clock.instant(), reports.closingReport(plan, delivered),
                delivered == null ? null : JSONB.toJson(delivered));
        notifier.user(plan.ownerId(), plan, "PLAN_CLOSED", "'" + plan.title() + "' is closed; its report is ready");
        notifier.role(Roles.PARTNER, plan, "PLAN_CLOSED", "'" + plan.title() + "' is closed; its report is ready");
        events.fire(new PlanEvent(planId, null, PlanEvent.Kind.CLOSED));
        return plan;
    }

    /**
     * A DRAFT for the next period: targets proposed from this period's actuals grown by {@code growthPercent}
     * (the target itself where no actual was recorded), SWOT carried over for review, campaigns and
     * certifications left to plan anew, vendor commitments carried over, the actuals kept as the baseline.
     */
    @Transactional
    public BusinessPlan nextCycle(PlanId planId, BigDecimal growthPercent) {
        BusinessPlan previous = managed(planId, "next-cycle");
        if (previous.status() != PlanStatus.CLOSED) {
            throw new BusinessPlan.IllegalTransition("next-cycle", previous.status());
        }
        BigDecimal growth = BigDecimal.ONE.add((growthPercent == null ? defaultGrowthPercent : growthPercent)
                .movePointLeft(2));
        Map<String, BigDecimal> current = actuals.current(previous.id());
        TemplateVersion template = templateFor(previous);
        TemplateDefinition definition = template.definition();
        PlanPeriod period = previous.period().next(planService.fiscalYearStartMonth());
        PlanSections old = previous.content().sections();
        String currency = previous.currency();

        RevenueTargets revenue = null;
        if (definition.allows(Section.REVENUE) && old.revenue() != null) {
            RevenueTargets r = old.revenue();
            revenue = new RevenueTargets(grown(r.pipeline(), current, "pipeline_created", growth, currency),
                    grown(r.closedRevenue(), current, "revenue_won", growth, currency),
                    grownCount(r.registeredDeals(), current, "deals_registered", growth), r.breakdown() == null ? null
                    : List.of(), null);
        }
        List<KpiTarget> kpis = null;
        if (definition.allows(Section.KPIS)) {
            kpis = new ArrayList<>();
            for (KpiDefinition k : definition.kpis()) {
                if (RevenueKpis.target(k, revenue).isPresent()) {
                    continue; // grown once, in the revenue section, which PlanRules carries over
                }
                BigDecimal before = old.kpis() == null ? null : old.kpis().stream()
                        .filter(t -> t.kpiKey().equals(k.key())).map(KpiTarget::target).findFirst().orElse(null);
                BigDecimal actual = PlanActuals.periodValue(current, k.sourceKey() == null ? k.key() : k.sourceKey());
                BigDecimal basis = actual != null ? actual : before;
                if (basis != null) {
                    BigDecimal target = basis.multiply(growth).setScale(2, RoundingMode.HALF_UP);
                    if (k.unit() == org.jbp.template.entity.KpiUnit.PERCENT) {
                        target = target.min(BigDecimal.valueOf(100));
                    }
                    kpis.add(new KpiTarget(k.key(), target, null));
                }
            }
        }
        CoSellGoals coSell = null;
        if (definition.allows(Section.CO_SELL) && old.coSell() != null) {
            coSell = new CoSellGoals(grownCount(old.coSell().engagementsTarget(), current, "co_sell_engagements", growth),
                    old.coSell().targetAccounts(), old.coSell().vendorResources());
        }
        PlanSections sections = new PlanSections(
                definition.allows(Section.PROFILE) ? old.profile() : null, revenue,
                definition.allows(Section.CAMPAIGNS) ? List.of() : null,
                definition.allows(Section.CERTIFICATIONS) ? List.of() : null, coSell, kpis);
        PlanContent content = new PlanRules(definition, currency, period)
                .check(new PlanContent(period.label() + " joint business plan", sections,
                        previous.content().vendorCommitments()));
        Instant now = clock.instant();
        BusinessPlan next = new BusinessPlan(previous.partner(), template.templateId(), template.version(), currency,
                period, previous.ownerId(), user.id(), now);
        String json = PlanJson.write(content);
        PlanRevision first = next.revise(content, json, JsonDiff.changedFields(null, PlanJson.tree(json)), user.id(),
                "next cycle from " + previous.period().label() + " (" + previous.id() + ")", now);
        next.continues(previous, JSONB.toJson(current));
        plans.add(next);
        plans.add(first);
        return next;
    }

    /** The template's newest version when it still applies to the partner, else the version last used. */
    private TemplateVersion templateFor(BusinessPlan previous) {
        TemplateVersion used = planService.templateOf(previous);
        return templates.latest(previous.templateId())
                .filter(latest -> latest.definition().appliesTo(planService.partnerTier(previous), null))
                .orElse(used);
    }

    private BusinessPlan managed(PlanId planId, String action) {
        BusinessPlan plan = plans.findForUpdate(planId).orElseThrow(() -> ProblemException.notFound("Plan " + planId));
        access.requireVisible(plan);
        if (!access.actsForVendorOn(plan)) {
            throw ProblemException.forbidden("Only the plan's channel manager or an admin may " + action + " it");
        }
        return plan;
    }

    private static Money grown(Money target, Map<String, BigDecimal> current, String metric, BigDecimal growth,
                               String currency) {
        BigDecimal actual = PlanActuals.periodValue(current, metric);
        BigDecimal basis = actual != null ? actual : target == null ? null : target.amount();
        return basis == null ? null : new Money(basis.multiply(growth).setScale(2, RoundingMode.HALF_UP), currency);
    }

    private static Integer grownCount(Integer target, Map<String, BigDecimal> current, String metric, BigDecimal growth) {
        BigDecimal actual = PlanActuals.periodValue(current, metric);
        BigDecimal basis = actual != null ? actual : target == null ? null : BigDecimal.valueOf(target);
        return basis == null ? null : basis.multiply(growth).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
}
