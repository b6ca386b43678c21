package org.jbp.incentive.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.jbp.incentive.entity.IncentiveFiring;
import org.jbp.incentive.entity.IncentiveRule;
import org.jbp.incentive.entity.MdfEligibility;
import org.jbp.incentive.entity.TierChangeRecord;
import org.jbp.kernel.PlanId;
import org.jbp.kpi.control.KpiActuals;
import org.jbp.outbox.control.Outbox;
import org.jbp.outbox.entity.OutboxEntry;
import org.jbp.outbox.entity.OutboxKind;
import org.jbp.partner.control.PartnerRepository;
import org.jbp.partner.entity.Partner;
import org.jbp.plan.control.PlanRepository;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.Campaign;
import org.jbp.plan.entity.CertificationMilestone;
import org.jbp.plan.entity.PlanSections;
import org.jbp.plan.entity.PlanStatus;
import org.jbp.template.control.TemplateRepository;
import org.jbp.template.entity.KpiDefinition;

/**
 * Evaluates the incentive rules that apply to a plan (global ones and its template's) against its current KPI
 * actuals and targets, and applies the effects of those that hold: a tier change (tier history, the module's copy of
 * the partner, a TierChange in the outbox) or a new MDF cap. Called after each KPI sync, at reviews and at close.
 * <p>
 * No flapping: a rule fires at most once per plan period and partner. It may fire again only when its effect was
 * reverted from outside (the partner's tier or cap differs although no later rule firing of the same kind changed it).
 */
@ApplicationScoped
public class IncentiveEvaluator {

    private static final Logger LOG = Logger.getLogger(IncentiveEvaluator.class.getName());

    @PersistenceContext(unitName = "jbp")
    EntityManager em;
    @Inject
    PlanRepository plans;
    @Inject
    KpiActuals actuals;
    @Inject
    PartnerRepository partners;
    @Inject
    TemplateRepository templates;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    private final Map<String, Condition> parsed = new ConcurrentHashMap<>();

    /** One rule that fired in an evaluation. */
    public record Fired(UUID firingId, UUID ruleId, String ruleName, String effect, String evidence) {
    }

    /**
     * Evaluates every applicable rule for the plan; {@code trigger} (e.g. KPI_SYNC, REVIEW, CLOSE, MANUAL) is kept
     * in the evidence. Joins the caller's transaction, so a sync's actuals and the firings they cause commit together.
     */
    @Transactional
    public List<Fired> evaluatePlan(PlanId planId, String trigger) {
        BusinessPlan plan = plan(planId);
        return evaluate(plan, actuals.current(plan.id()), activeRules(), trigger);
    }

    /**
     * {@link #evaluatePlan} for each of the plans a sync judged: the active rules and the plans each read once, in
     * one query (read-only: a rule changes the partner, its eligibility and the outbox, never the plan), and no plan
     * read at all while there is no rule. The sync judges 200 plans a transaction, where each query first makes
     * EclipseLink compare everything the transaction manages.
     */
    @Transactional
    public void evaluatePlans(List<PlanId> planIds, String trigger) {
        List<IncentiveRule> active = activeRules();
        if (active.isEmpty()) {
            return;
        }
        List<BusinessPlan> judged = plans.readOnly(planIds, EVALUATED);
        Map<PlanId, Map<String, BigDecimal>> current = actuals.current(judged.stream().map(BusinessPlan::id).toList());
        for (BusinessPlan plan : judged) {
            evaluate(plan, current.getOrDefault(plan.id(), Map.of()), active, trigger);
        }
    }

    /** The plans a rule may fire for: agreed, running or closed. */
    private static final java.util.Set<PlanStatus> EVALUATED = java.util.EnumSet.of(PlanStatus.ACTIVE,
            PlanStatus.APPROVED, PlanStatus.CLOSED);

    private BusinessPlan plan(PlanId planId) {
        return plans.find(planId).orElseThrow(() -> new IllegalArgumentException("no plan " + planId));
    }

    /** Every active rule, global or of a template, oldest first: the order rules fire in. */
    private List<IncentiveRule> activeRules() {
        return em.createQuery("select r from IncentiveRule r where r.active = true order by r.createdAt, r.id",
                IncentiveRule.class).getResultList();
    }

    /** Evaluates the rules among {@code active} that apply to the plan: global ones and its template's, in order. */
    private List<Fired> evaluate(BusinessPlan plan, Map<String, BigDecimal> current, List<IncentiveRule> active,
                                 String trigger) {
        if (!EVALUATED.contains(plan.status())) {
            return List.of();
        }
        List<IncentiveRule> rules = active.stream()
                .filter(r -> r.templateId() == null || r.templateId().equals(plan.templateId())).toList();
        if (rules.isEmpty()) {
            return List.of();
        }
        Condition.Facts facts = facts(plan, current);
        String partnerAccount = plan.partner().value();
        String period = plan.period().label();
        List<Fired> fired = new ArrayList<>();
        for (IncentiveRule rule : rules) {
            List<Condition.Check> checks = new ArrayList<>();
            if (!condition(rule).test(facts, checks)) {
                continue;
            }
            if (effectStands(rule, plan) || alreadyFired(rule, partnerAccount, period)) {
                continue;
            }
            String evidence = evidence(rule, trigger, plan, checks);
            IncentiveFiring firing = new IncentiveFiring(rule.id(), partnerAccount, period, plan.id(), trigger,
                    evidence, clock.instant());
            em.persist(firing);
            String effect = rule.effectType() == IncentiveRule.EffectType.TIER_CHANGE
                    ? changeTier(rule, plan, firing) : changeMdf(rule, plan);
            fired.add(new Fired(firing.id(), rule.id(), rule.name(), effect, evidence));
            LOG.info(() -> "incentive rule '" + rule.name() + "' fired for " + partnerAccount + " (" + period + "): " + effect);
        }
        return fired;
    }

    Condition condition(IncentiveRule rule) {
        return parsed.computeIfAbsent(rule.condition(), ConditionParser::parse);
    }

    /** Nothing to do when the partner already has what the rule gives. */
    private boolean effectStands(IncentiveRule rule, BusinessPlan plan) {
        if (rule.effectType() == IncentiveRule.EffectType.TIER_CHANGE) {
            return partners.find(plan.partner()).map(p -> rule.tierLevel().equalsIgnoreCase(p.tier())).orElse(false);
        }
        MdfEligibility current = em.find(MdfEligibility.class, plan.partner().value());
        return current != null && current.sameAs(rule.mdfCapAmount(), rule.mdfCapPercent());
    }

    /**
     * Fired in this period already, and its effect was not reverted from outside: when a later firing of another
     * rule with the same kind of effect replaced it, it stays fired (two rules must not take turns).
     */
    private boolean alreadyFired(IncentiveRule rule, String partnerAccount, String period) {
        List<IncentiveFiring> history = em.createQuery("select f from IncentiveFiring f where f.partnerAccount = :p "
                        + "and f.periodLabel = :period order by f.firedAt, f.id", IncentiveFiring.class)
                .setParameter("p", partnerAccount).setParameter("period", period).getResultList();
        int mine = -1;
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).ruleId().equals(rule.id())) {
                mine = i;
            }
        }
        if (mine < 0) {
            return false;
        }
        for (int i = mine + 1; i < history.size(); i++) {
            IncentiveRule other = em.find(IncentiveRule.class, history.get(i).ruleId());
            if (other != null && other.effectType() == rule.effectType()) {
                return true;
            }
        }
        // the effect does not stand (checked before) and no rule replaced it: reverted from outside, may fire again
        return false;
    }

    private String changeTier(IncentiveRule rule, BusinessPlan plan, IncentiveFiring firing) {
        Optional<Partner> partner = partners.find(plan.partner());
        String oldTier = partner.map(Partner::tier).orElse(null);
        String externalId = "jbp-tier-" + firing.id();
        String payload = Json.createObjectBuilder().add("partnerId", plan.partner().value())
                .add("levelName", rule.tierLevel()).build().toString();
        OutboxEntry entry = outbox.enqueue(OutboxKind.TIER_CHANGE, externalId, plan.id(), payload);
        Instant now = clock.instant();
        // the module's copy follows at once, so the next evaluation sees the new tier; the sync confirms it later
        partner.ifPresent(p -> p.describe(p.name(), rule.tierLevel(), p.partnerType(), p.ownerId(), p.region(), now));
        em.persist(new TierChangeRecord(plan.partner().value(), oldTier, rule.tierLevel(), rule, plan.id(),
                firing.evidence(), entry.id(), now));
        return "tier " + (oldTier == null ? "?" : oldTier) + " -> " + rule.tierLevel();
    }

    private String changeMdf(IncentiveRule rule, BusinessPlan plan) {
        String account = plan.partner().value();
        MdfEligibility eligibility = em.find(MdfEligibility.class, account);
        if (eligibility == null) {
            eligibility = new MdfEligibility(account);
            em.persist(eligibility);
        }
        eligibility.change(rule.mdfCapAmount(), rule.mdfCapPercent(), rule.id().toString(),
                clock.instant());
        return rule.mdfCapAmount() != null
                ? "MDF cap " + rule.mdfCapAmount().amount().toPlainString() + " " + rule.mdfCapAmount().currency()
                + " per campaign"
                : "MDF cap " + rule.mdfCapPercent().toPlainString() + "% of the revenue target per campaign";
    }

    private String evidence(IncentiveRule rule, String trigger, BusinessPlan plan, List<Condition.Check> checks) {
        JsonArrayBuilder comparisons = Json.createArrayBuilder();
        for (Condition.Check c : checks) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("comparison", c.comparison()).add("result", c.result());
            if (c.actual() == null) {
                o.addNull("actual");
            } else {
                o.add("actual", c.actual());
            }
            if (c.threshold() == null) {
                o.addNull("threshold");
            } else {
                o.add("threshold", c.threshold().stripTrailingZeros());
            }
            if (c.note() != null) {
                o.add("note", c.note());
            }
            comparisons.add(o);
        }
        return Json.createObjectBuilder()
                .add("rule", rule.name())
                .add("condition", rule.condition())
                .add("trigger", trigger)
                .add("planId", plan.id().toString())
                .add("period", plan.period().label())
                .add("evaluatedAt", clock.instant().toString())
                .add("comparisons", comparisons)
                .build().toString();
    }

    /** Actuals from the KPI time series; targets from the plan's sections, keyed like the actuals. */
    Condition.Facts facts(BusinessPlan plan, Map<String, BigDecimal> current) {
        PlanSections s = plan.content().sections();
        List<KpiDefinition> definitions = templates.version(plan.templateId(), plan.templateVersion())
                .map(v -> v.definition().kpis()).orElse(List.of());
        return new Condition.Facts() {
            @Override
            public Optional<BigDecimal> actual(String metric) {
                return Optional.ofNullable(KpiActuals.periodValue(current, metric));
            }

            @Override
            public Optional<BigDecimal> target(String metric) {
                return targetOf(s, definitions, metric);
            }
        };
    }

    static Optional<BigDecimal> targetOf(PlanSections s, List<KpiDefinition> definitions, String metric) {
        if (s.kpis() != null) {
            for (var t : s.kpis()) {
                String source = definitions.stream().filter(d -> d.key().equals(t.kpiKey()))
                        .map(KpiDefinition::sourceKey).filter(k -> k != null && !k.isBlank()).findFirst()
                        .orElse(t.kpiKey());
                if (metric.equals(source) || metric.equals(t.kpiKey())) {
                    return Optional.of(t.target());
                }
            }
        }
        var revenue = s.revenue();
        if (revenue != null) {
            if (metric.equals("revenue_won") && revenue.closedRevenue() != null) {
                return Optional.of(revenue.closedRevenue().amount());
            }
            if (metric.equals("pipeline_created") && revenue.pipeline() != null) {
                return Optional.of(revenue.pipeline().amount());
            }
            if (metric.equals("deals_registered") && revenue.registeredDeals() != null) {
                return Optional.of(BigDecimal.valueOf(revenue.registeredDeals()));
            }
        }
        if (metric.startsWith("certifications_completed(") && s.certifications() != null) {
            String role = metric.substring("certifications_completed(".length(), metric.length() - 1);
            int count = s.certifications().stream().filter(m -> m.role().name().equals(role))
                    .mapToInt(CertificationMilestone::count).sum();
            return count == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(count));
        }
        if (metric.equals("co_sell_engagements") && s.coSell() != null && s.coSell().engagementsTarget() != null) {
            return Optional.of(BigDecimal.valueOf(s.coSell().engagementsTarget()));
        }
        if (metric.equals("mdf_claimed") && s.campaigns() != null) {
            return Optional.of(s.campaigns().stream().map(Campaign::mdfRequested).filter(m -> m != null)
                    .map(m -> m.amount()).reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        return Optional.empty();
    }
}
