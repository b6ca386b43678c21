package org.jbp.incentive.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jbp.incentive.entity.IncentiveRule;
import org.jbp.incentive.entity.TierChangeRecord;
import org.jbp.kernel.Money;
import org.jbp.platform.FieldError;
import org.jbp.platform.ProblemException;
import org.jbp.template.control.TemplateRepository;

/** Saving and reading incentive rules; a rule is validated completely before it is saved. */
@ApplicationScoped
public class IncentiveRules {

    @PersistenceContext(unitName = "jbp")
    EntityManager em;
    @Inject
    TemplateRepository templates;
    @Inject
    Clock clock;

    /** What an admin asks for; checked here so that every problem is reported at once, with the position. */
    public record Definition(String name, UUID templateId, String condition, IncentiveRule.EffectType effect,
                             String level, BigDecimal capAmount, String currency, BigDecimal capPercent) {
    }

    @Transactional
    public IncentiveRule create(Definition d, String by) {
        List<FieldError> errors = new ArrayList<>();
        try {
            ConditionParser.parse(d.condition());
        } catch (ConditionSyntaxException e) {
            errors.add(new FieldError("condition", e.getMessage()));
        }
        if (d.templateId() != null && templates.latest(d.templateId()).isEmpty()) {
            errors.add(new FieldError("templateId", "no template " + d.templateId()));
        }
        if (d.effect() == IncentiveRule.EffectType.TIER_CHANGE) {
            if (d.level() == null || d.level().isBlank()) {
                errors.add(new FieldError("effect.level", "a tier change names the channel program level, e.g. Platinum"));
            }
            if (d.capAmount() != null || d.capPercent() != null) {
                errors.add(new FieldError("effect", "a tier change has no MDF cap"));
            }
        } else {
            if ((d.capAmount() == null) == (d.capPercent() == null)) {
                errors.add(new FieldError("effect", "an MDF eligibility change sets capAmount (with currency) or capPercent, exactly one"));
            }
            if (d.capAmount() != null && (d.currency() == null || !d.currency().matches("[A-Z]{3}"))) {
                errors.add(new FieldError("effect.currency", "an ISO 4217 code such as USD is required with capAmount"));
            }
            if (d.capPercent() != null && (d.capPercent().signum() <= 0 || d.capPercent().compareTo(BigDecimal.valueOf(100)) > 0)) {
                errors.add(new FieldError("effect.capPercent", "must be more than 0 and at most 100"));
            }
            if (d.level() != null) {
                errors.add(new FieldError("effect.level", "an MDF eligibility change has no level"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        IncentiveRule rule = d.effect() == IncentiveRule.EffectType.TIER_CHANGE
                ? IncentiveRule.tierChange(d.name(), d.templateId(), d.condition().trim(), d.level().trim(), by, clock.instant())
                : IncentiveRule.mdfEligibility(d.name(), d.templateId(), d.condition().trim(),
                d.capAmount() == null ? null : new Money(d.capAmount(), d.currency()), d.capPercent(), by,
                clock.instant());
        em.persist(rule);
        return rule;
    }

    public List<IncentiveRule> all() {
        return em.createQuery("select r from IncentiveRule r order by r.createdAt, r.id", IncentiveRule.class).getResultList();
    }

    public Optional<IncentiveRule> find(UUID id) {
        return Optional.ofNullable(em.find(IncentiveRule.class, id));
    }

    @Transactional
    public IncentiveRule deactivate(UUID id) {
        IncentiveRule rule = find(id).orElseThrow(() -> ProblemException.notFound("Incentive rule " + id));
        rule.deactivate();
        return rule;
    }

    public List<TierChangeRecord> tierHistory(String partnerAccount) {
        return em.createQuery("select t from TierChangeRecord t where t.partnerAccount = :p order by t.changedAt desc, t.id",
                TierChangeRecord.class).setParameter("p", partnerAccount).getResultList();
    }
}
