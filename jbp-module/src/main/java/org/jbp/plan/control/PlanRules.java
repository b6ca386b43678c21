package org.jbp.plan.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jbp.kernel.Money;
import org.jbp.plan.entity.BreakdownDimension;
import org.jbp.plan.entity.Campaign;
import org.jbp.plan.entity.CertificationMilestone;
import org.jbp.plan.entity.KpiTarget;
import org.jbp.plan.entity.PlanContent;
import org.jbp.plan.entity.PlanPeriod;
import org.jbp.plan.entity.PlanSections;
import org.jbp.plan.entity.QuarterTarget;
import org.jbp.plan.entity.RevenueTargets;
import org.jbp.plan.entity.TargetBreakdown;
import org.jbp.plan.entity.VendorCommitments;
import org.jbp.platform.FieldError;
import org.jbp.platform.ProblemException;
import org.jbp.template.entity.KpiDefinition;
import org.jbp.template.entity.KpiUnit;
import org.jbp.template.entity.Section;
import org.jbp.template.entity.TemplateDefinition;

/**
 * The rules a plan's content must keep whatever its status: only the template's sections, money in the plan's
 * currency, dates inside the period, quarterly splits that add up. Also fills what a plan leaves to defaults
 * (campaign keys, equal quarterly splits). Pure: no I/O, unit-tested directly.
 */
public final class PlanRules {

    private final TemplateDefinition template;
    private final String currency;
    private final PlanPeriod period;
    private final List<FieldError> errors = new ArrayList<>();

    public PlanRules(TemplateDefinition template, String currency, PlanPeriod period) {
        this.template = template;
        this.currency = currency;
        this.period = period;
    }

    /** The content with defaults filled in, or a 422 naming every field at fault. */
    public PlanContent check(PlanContent content) {
        return check(content, null);
    }

    /**
     * As {@link #check(PlanContent)}, for an edit of {@code previous}: quarterly splits that were the default
     * equal split and were not touched follow a changed annual target, instead of contradicting it.
     */
    public PlanContent check(PlanContent edited, PlanContent previous) {
        PlanContent content = previous == null ? edited : resplitDefaults(edited, previous);
        errors.clear();
        PlanSections s = content.sections();
        for (Section section : Section.values()) {
            if (s.isPresent(section) && !template.allows(section)) {
                error("sections." + section.jsonName(), "the template '" + template.name() + "' has no "
                        + section.jsonName() + " section");
            }
        }
        RevenueTargets revenue = s.revenue() == null ? null : checkRevenue(s.revenue());
        List<Campaign> campaigns = s.campaigns() == null ? null : checkCampaigns(s.campaigns());
        if (s.certifications() != null) {
            checkCertifications(s.certifications());
        }
        List<KpiTarget> kpis = s.kpis() == null ? null
                : checkKpis(s.kpis(), revenue, previous == null ? null : previous.sections().kpis());
        checkVendorCommitments(content.vendorCommitments());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(List.copyOf(errors));
        }
        return new PlanContent(content.title(), s.with(revenue, campaigns, kpis), content.vendorCommitments());
    }

    /** The required sections that are missing or incomplete, by JSON name. */
    public List<String> missingForSubmission(PlanContent content) {
        List<String> missing = new ArrayList<>();
        for (Section section : template.requiredSections()) {
            if (!content.sections().isComplete(section)) {
                missing.add("sections." + section.jsonName());
            }
        }
        if (template.requires(Section.KPIS) && content.sections().kpis() != null) {
            Set<String> targeted = new HashSet<>();
            content.sections().kpis().forEach(k -> targeted.add(k.kpiKey()));
            template.kpis().stream().filter(k -> !targeted.contains(k.key()))
                    .forEach(k -> missing.add("sections.kpis[" + k.key() + "]"));
        }
        return missing;
    }

    private PlanContent resplitDefaults(PlanContent edited, PlanContent previous) {
        PlanSections now = edited.sections();
        PlanSections before = previous.sections();
        int quarterCount = period.quarters().size();
        RevenueTargets revenue = now.revenue();
        if (revenue != null && before.revenue() != null && revenue.quarters() != null
                && revenue.quarters().equals(before.revenue().quarters())
                && revenue.quarters().equals(equalSplit(before.revenue(), quarterCount))) {
            revenue = revenue.withQuarters(null);
        }
        List<KpiTarget> kpis = now.kpis();
        if (kpis != null && before.kpis() != null) {
            kpis = kpis.stream().map(k -> before.kpis().stream()
                    .filter(b -> b.kpiKey().equals(k.kpiKey()) && b.quarterly() != null
                            && b.quarterly().equals(k.quarterly()) && k.target() != null
                            && b.target().compareTo(k.target()) != 0
                            && (b.quarterly().equals(split(b.target(), quarterCount, 2))
                            || b.quarterly().stream().allMatch(q -> q.compareTo(b.target()) == 0)))
                    .findFirst().map(b -> k.withQuarterly(null)).orElse(k)).toList();
        }
        return new PlanContent(edited.title(), now.with(revenue, now.campaigns(), kpis), edited.vendorCommitments());
    }

    private RevenueTargets checkRevenue(RevenueTargets revenue) {
        String at = "sections.revenue";
        money(at + ".pipeline", revenue.pipeline());
        money(at + ".closedRevenue", revenue.closedRevenue());
        if (revenue.breakdown() != null) {
            Map<BreakdownDimension, BigDecimal[]> sums = new EnumMap<>(BreakdownDimension.class);
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < revenue.breakdown().size(); i++) {
                TargetBreakdown b = revenue.breakdown().get(i);
                String path = at + ".breakdown[" + i + "]";
                money(path + ".pipeline", b.pipeline());
                money(path + ".closedRevenue", b.closedRevenue());
                if (!seen.add(b.dimension() + "/" + b.value().toLowerCase())) {
                    error(path + ".value", "'" + b.value() + "' appears twice for " + b.dimension());
                }
                BigDecimal[] sum = sums.computeIfAbsent(b.dimension(), d -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
                sum[0] = sum[0].add(amount(b.pipeline()));
                sum[1] = sum[1].add(amount(b.closedRevenue()));
            }
            sums.forEach((dimension, sum) -> {
                if (revenue.pipeline() != null && sum[0].compareTo(revenue.pipeline().amount()) > 0) {
                    error(at + ".breakdown", "the " + dimension + " breakdown's pipeline (" + sum[0]
                            + ") exceeds the pipeline target (" + revenue.pipeline().amount() + ")");
                }
                if (revenue.closedRevenue() != null && sum[1].compareTo(revenue.closedRevenue().amount()) > 0) {
                    error(at + ".breakdown", "the " + dimension + " breakdown's closed revenue (" + sum[1]
                            + ") exceeds the closed revenue target (" + revenue.closedRevenue().amount() + ")");
                }
            });
        }
        int quarterCount = period.quarters().size();
        if (revenue.quarters() == null || revenue.quarters().isEmpty()) {
            return revenue.withQuarters(equalSplit(revenue, quarterCount));
        }
        if (revenue.quarters().size() != quarterCount) {
            error(at + ".quarters", "the period has " + quarterCount + " quarter(s); give one entry for each");
            return revenue;
        }
        Set<Integer> quarters = new HashSet<>();
        for (int i = 0; i < revenue.quarters().size(); i++) {
            QuarterTarget q = revenue.quarters().get(i);
            if (q.quarter() > quarterCount || !quarters.add(q.quarter())) {
                error(at + ".quarters[" + i + "].quarter", "must be a distinct quarter from 1 to " + quarterCount);
            }
            money(at + ".quarters[" + i + "].pipeline", q.pipeline());
            money(at + ".quarters[" + i + "].closedRevenue", q.closedRevenue());
        }
        sumMatches(at + ".quarters", "pipeline", revenue.pipeline(), revenue.quarters(), QuarterTarget::pipeline);
        sumMatches(at + ".quarters", "closedRevenue", revenue.closedRevenue(), revenue.quarters(),
                QuarterTarget::closedRevenue);
        if (revenue.registeredDeals() != null) {
            int deals = revenue.quarters().stream().mapToInt(q -> q.registeredDeals() == null ? 0 : q.registeredDeals()).sum();
            if (deals != revenue.registeredDeals()) {
                error(at + ".quarters", "quarterly registeredDeals add up to " + deals + ", not "
                        + revenue.registeredDeals());
            }
        }
        return revenue;
    }

    private void sumMatches(String path, String field, Money total, List<QuarterTarget> quarters,
                            Function<QuarterTarget, Money> part) {
        if (total == null) {
            return;
        }
        BigDecimal sum = quarters.stream().map(part).map(PlanRules::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(total.amount()) != 0) {
            error(path, "quarterly " + field + " adds up to " + sum + ", not " + total.amount());
        }
    }

    /** Equal shares, the rounding remainder in the last quarter so the parts add up exactly. */
    private List<QuarterTarget> equalSplit(RevenueTargets revenue, int quarterCount) {
        List<BigDecimal> pipeline = split(amountOrNull(revenue.pipeline()), quarterCount, 2);
        List<BigDecimal> closed = split(amountOrNull(revenue.closedRevenue()), quarterCount, 2);
        List<BigDecimal> deals = split(revenue.registeredDeals() == null ? null
                : BigDecimal.valueOf(revenue.registeredDeals()), quarterCount, 0);
        List<QuarterTarget> quarters = new ArrayList<>();
        for (int q = 0; q < quarterCount; q++) {
            quarters.add(new QuarterTarget(q + 1,
                    pipeline == null ? null : new Money(pipeline.get(q), currency),
                    closed == null ? null : new Money(closed.get(q), currency),
                    deals == null ? null : deals.get(q).intValueExact()));
        }
        return quarters;
    }

    static List<BigDecimal> split(BigDecimal total, int parts, int scale) {
        if (total == null) {
            return null;
        }
        BigDecimal share = total.divide(BigDecimal.valueOf(parts), scale, RoundingMode.DOWN);
        List<BigDecimal> shares = new ArrayList<>();
        for (int i = 0; i < parts - 1; i++) {
            shares.add(share);
        }
        shares.add(total.subtract(share.multiply(BigDecimal.valueOf(parts - 1))).setScale(scale, RoundingMode.UNNECESSARY));
        return shares;
    }

    private List<Campaign> checkCampaigns(List<Campaign> campaigns) {
        List<Campaign> keyed = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < campaigns.size(); i++) {
            Campaign c = campaigns.get(i);
            String path = "sections.campaigns[" + i + "]";
            money(path + ".mdfRequested", c.mdfRequested());
            date(path + ".startDate", c.startDate());
            date(path + ".endDate", c.endDate());
            if (c.endDate().isBefore(c.startDate())) {
                error(path + ".endDate", "ends before it starts (" + c.startDate() + ")");
            }
            Campaign withKey = c.key() == null ? c.withKey(UUID.randomUUID().toString().substring(0, 8)) : c;
            if (!keys.add(withKey.key())) {
                error(path + ".key", "'" + c.key() + "' is used by another campaign of this plan");
            }
            keyed.add(withKey);
        }
        return keyed;
    }

    private void checkCertifications(List<CertificationMilestone> certifications) {
        for (int i = 0; i < certifications.size(); i++) {
            date("sections.certifications[" + i + "].dueDate", certifications.get(i).dueDate());
        }
    }

    /**
     * KPI targets: the template's KPIs only, each once, quarterly splits that add up. A KPI measuring what the
     * revenue section targets (RevenueKpis) takes that target and split: left out, it is added; given with
     * another figure in this request, it is refused (two sources of one target); unchanged since
     * {@code previousKpis}, it follows an edited revenue section.
     */
    private List<KpiTarget> checkKpis(List<KpiTarget> kpis, RevenueTargets revenue, List<KpiTarget> previousKpis) {
        List<KpiTarget> filled = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int quarterCount = period.quarters().size();
        for (int i = 0; i < kpis.size(); i++) {
            KpiTarget k = kpis.get(i);
            String path = "sections.kpis[" + i + "]";
            KpiDefinition definition = template.kpis().stream().filter(d -> d.key().equals(k.kpiKey()))
                    .findFirst().orElse(null);
            if (definition == null) {
                error(path + ".kpiKey", "the template has no KPI '" + k.kpiKey() + "'");
                filled.add(k);
                continue;
            }
            if (!seen.add(k.kpiKey())) {
                error(path + ".kpiKey", "KPI '" + k.kpiKey() + "' is targeted twice");
            }
            var fromRevenue = RevenueKpis.target(definition, revenue);
            if (fromRevenue.isPresent()) {
                BigDecimal before = previousKpis == null ? null : previousKpis.stream()
                        .filter(b -> b.kpiKey().equals(k.kpiKey())).map(KpiTarget::target).findFirst().orElse(null);
                boolean givenHere = k.target() != null && (before == null || before.compareTo(k.target()) != 0);
                if (givenHere && k.target().compareTo(fromRevenue.get()) != 0) {
                    error(path + ".target", definition.label() + " is targeted once, in the revenue section "
                            + "(sections.revenue." + RevenueKpis.revenueField(definition).orElseThrow() + " = "
                            + fromRevenue.get().toPlainString() + "); leave this target out or give the same figure");
                }
                filled.add(revenueBacked(definition, revenue, fromRevenue.get(), quarterCount));
                continue;
            }
            if (k.target() == null) {
                error(path + ".target", "must not be null");
                filled.add(k);
                continue;
            }
            if (definition.unit() == KpiUnit.PERCENT && k.target().compareTo(BigDecimal.valueOf(100)) > 0) {
                error(path + ".target", "a percentage is at most 100");
            }
            boolean additive = definition.unit() != KpiUnit.PERCENT;
            if (k.quarterly() == null || k.quarterly().isEmpty()) {
                filled.add(k.withQuarterly(additive ? split(k.target(), quarterCount, 2)
                        : java.util.Collections.nCopies(quarterCount, k.target())));
                continue;
            }
            if (k.quarterly().size() != quarterCount) {
                error(path + ".quarterly", "the period has " + quarterCount + " quarter(s); give one value for each");
            } else if (additive) {
                BigDecimal sum = k.quarterly().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                if (sum.compareTo(k.target()) != 0) {
                    error(path + ".quarterly", "adds up to " + sum + ", not the target " + k.target());
                }
            }
            filled.add(k);
        }
        // the revenue section's figures are KPI targets too, without being entered a second time
        for (KpiDefinition definition : template.kpis()) {
            var fromRevenue = RevenueKpis.target(definition, revenue);
            if (fromRevenue.isPresent() && filled.stream().noneMatch(k -> k.kpiKey().equals(definition.key()))) {
                filled.add(revenueBacked(definition, revenue, fromRevenue.get(), quarterCount));
            }
        }
        return filled;
    }

    private static KpiTarget revenueBacked(KpiDefinition definition, RevenueTargets revenue, BigDecimal target,
                                           int quarterCount) {
        List<BigDecimal> quarterly = RevenueKpis.quarterly(definition, revenue);
        boolean complete = quarterly != null && quarterly.size() == quarterCount && quarterly.stream().allMatch(q -> q != null);
        return new KpiTarget(definition.key(), target, complete ? quarterly
                : split(target, quarterCount, definition.unit() == KpiUnit.COUNT ? 0 : 2));
    }

    private void checkVendorCommitments(VendorCommitments commitments) {
        if (commitments != null) {
            money("vendorCommitments.mdfBudget", commitments.mdfBudget());
        }
    }

    private void money(String path, Money money) {
        if (money != null && money.currency() != null && !money.currency().equals(currency)) {
            error(path + ".currency", "the plan is in " + currency + "; " + money.currency() + " is not accepted");
        }
    }

    private void date(String path, LocalDate date) {
        if (date != null && !period.contains(date)) {
            error(path, date + " is outside the plan period " + period.start() + " to " + period.end());
        }
    }

    private static BigDecimal amount(Money money) {
        return money == null || money.amount() == null ? BigDecimal.ZERO : money.amount();
    }

    private static BigDecimal amountOrNull(Money money) {
        return money == null ? null : money.amount();
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
