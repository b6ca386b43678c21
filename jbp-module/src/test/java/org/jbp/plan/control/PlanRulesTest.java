package org.jbp.plan.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jbp.kernel.Money;
import org.jbp.plan.entity.Campaign;
import org.jbp.plan.entity.CampaignTactic;
import org.jbp.plan.entity.KpiTarget;
import org.jbp.plan.entity.PlanContent;
import org.jbp.plan.entity.PlanPeriod;
import org.jbp.plan.entity.PlanSections;
import org.jbp.plan.entity.QuarterTarget;
import org.jbp.plan.entity.RevenueTargets;
import org.jbp.platform.FieldError;
import org.jbp.platform.ProblemException;
import org.jbp.template.entity.ApprovalStepDefinition;
import org.jbp.template.entity.KpiDefinition;
import org.jbp.template.entity.KpiDirection;
import org.jbp.template.entity.KpiUnit;
import org.jbp.template.entity.PlanType;
import org.jbp.template.entity.ReviewCadence;
import org.jbp.template.entity.Section;
import org.jbp.template.entity.TemplateDefinition;
import org.junit.jupiter.api.Test;

class PlanRulesTest {

    private static final PlanPeriod FY2027 = PlanPeriod.fiscalYear(2027, 1);

    private static TemplateDefinition template(List<Section> required, List<Section> optional) {
        return new TemplateDefinition("Gold", PlanType.COMBINED, List.of("Gold"), List.of(), required, optional,
                List.of(new KpiDefinition("revenue_won", "Closed revenue", KpiUnit.CURRENCY, KpiDirection.HIGHER_IS_BETTER,
                                BigDecimal.valueOf(80), "revenue_won"),
                        new KpiDefinition("win_rate", "Win rate", KpiUnit.PERCENT, null, null, null)),
                List.of(new ApprovalStepDefinition("Director", "approver", null, 48)), List.of(), null, null,
                ReviewCadence.MONTHLY);
    }

    private static Money usd(long amount) {
        return new Money(BigDecimal.valueOf(amount), "USD");
    }

    private static PlanContent content(PlanSections sections) {
        return new PlanContent("FY2027 plan", sections, null);
    }

    private static List<String> fieldsOf(Runnable check) {
        ProblemException problem = assertThrows(ProblemException.class, check::run);
        return problem.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void sectionTheTemplateLacksIsRefused() {
        var rules = new PlanRules(template(List.of(Section.REVENUE), List.of()), "USD", FY2027);
        var sections = new PlanSections(null, null, List.of(), null, null, null);
        assertEquals(List.of("sections.campaigns"), fieldsOf(() -> rules.check(content(sections))));
    }

    @Test
    void moneyInAnotherCurrencyAndDatesOutsideThePeriodAreRefused() {
        var rules = new PlanRules(template(List.of(Section.CAMPAIGNS), List.of()), "USD", FY2027);
        var campaign = new Campaign("c1", "Launch", CampaignTactic.EVENT, null, LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 1, 10), new Money(BigDecimal.TEN, "EUR"), null);
        var sections = new PlanSections(null, null, List.of(campaign), null, null, null);
        assertEquals(List.of("sections.campaigns[0].mdfRequested.currency", "sections.campaigns[0].startDate"),
                fieldsOf(() -> rules.check(content(sections))));
    }

    @Test
    void annualTargetIsSplitEquallyWithTheRemainderInTheLastQuarter() {
        var rules = new PlanRules(template(List.of(Section.REVENUE), List.of()), "USD", FY2027);
        var revenue = new RevenueTargets(usd(1_000_001), usd(100), 10, null, null);
        var checked = rules.check(content(new PlanSections(null, revenue, null, null, null, null)));
        List<QuarterTarget> quarters = checked.sections().revenue().quarters();
        assertEquals(4, quarters.size());
        assertEquals(new BigDecimal("250000.25"), quarters.get(0).pipeline().amount());
        assertEquals(new BigDecimal("250000.25"), quarters.get(3).pipeline().amount());
        assertEquals(List.of(2, 2, 2, 4), quarters.stream().map(QuarterTarget::registeredDeals).toList());
        BigDecimal sum = quarters.stream().map(q -> q.pipeline().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(BigDecimal.valueOf(1_000_001)));
    }

    @Test
    void editedQuarterlySplitMustAddUpToTheAnnualTarget() {
        var rules = new PlanRules(template(List.of(Section.REVENUE), List.of()), "USD", FY2027);
        var quarters = List.of(new QuarterTarget(1, usd(100), null, null), new QuarterTarget(2, usd(100), null, null),
                new QuarterTarget(3, usd(100), null, null), new QuarterTarget(4, usd(100), null, null));
        var revenue = new RevenueTargets(usd(500), null, null, null, quarters);
        assertEquals(List.of("sections.revenue.quarters"),
                fieldsOf(() -> rules.check(content(new PlanSections(null, revenue, null, null, null, null)))));
    }

    @Test
    void defaultSplitFollowsAChangedAnnualTargetButAnEditedOneDoesNot() {
        var rules = new PlanRules(template(List.of(Section.REVENUE), List.of()), "USD", FY2027);
        PlanContent before = rules.check(content(new PlanSections(null,
                new RevenueTargets(usd(400), null, null, null, null), null, null, null, null)));
        var raised = new RevenueTargets(usd(800), null, null, null, before.sections().revenue().quarters());
        PlanContent after = rules.check(content(new PlanSections(null, raised, null, null, null, null)), before);
        assertEquals(new BigDecimal("200.00"), after.sections().revenue().quarters().get(0).pipeline().amount());

        var custom = List.of(new QuarterTarget(1, usd(100), null, null), new QuarterTarget(2, usd(0), null, null),
                new QuarterTarget(3, usd(100), null, null), new QuarterTarget(4, usd(200), null, null));
        PlanContent edited = rules.check(content(new PlanSections(null, new RevenueTargets(usd(400), null, null, null, custom),
                null, null, null, null)));
        var raisedAgain = new RevenueTargets(usd(800), null, null, null, edited.sections().revenue().quarters());
        assertThrows(ProblemException.class,
                () -> rules.check(content(new PlanSections(null, raisedAgain, null, null, null, null)), edited),
                "a split someone chose is not silently overwritten");
    }

    @Test
    void kpiTargetsMustNameTemplateKpisAndPercentagesStayAtMostHundred() {
        var rules = new PlanRules(template(List.of(Section.KPIS), List.of()), "USD", FY2027);
        var kpis = List.of(new KpiTarget("revenue_won", BigDecimal.valueOf(1000), null),
                new KpiTarget("nps", BigDecimal.ONE, null), new KpiTarget("win_rate", BigDecimal.valueOf(120), null));
        List<String> fields = fieldsOf(() -> rules.check(content(new PlanSections(null, null, null, null, null, kpis))));
        assertEquals(List.of("sections.kpis[1].kpiKey", "sections.kpis[2].target"), fields);
    }

    @Test
    void percentKpiIsNotSplitButRepeatedPerQuarter() {
        var rules = new PlanRules(template(List.of(Section.KPIS), List.of()), "USD", FY2027);
        var checked = rules.check(content(new PlanSections(null, null, null, null, null,
                List.of(new KpiTarget("win_rate", BigDecimal.valueOf(30), null)))));
        assertEquals(List.of(BigDecimal.valueOf(30), BigDecimal.valueOf(30), BigDecimal.valueOf(30), BigDecimal.valueOf(30)),
                checked.sections().kpis().get(0).quarterly());
    }

    @Test
    void submissionNeedsEveryRequiredSectionAndEveryTemplateKpi() {
        var rules = new PlanRules(template(List.of(Section.REVENUE, Section.KPIS), List.of(Section.CAMPAIGNS)), "USD", FY2027);
        var partial = content(new PlanSections(null, new RevenueTargets(usd(1), null, null, null, null), List.of(), null,
                null, List.of(new KpiTarget("revenue_won", BigDecimal.ONE, null))));
        List<String> missing = rules.missingForSubmission(partial);
        assertEquals(List.of("sections.revenue", "sections.kpis[win_rate]"), missing);
    }

    @Test
    void anOptionalSectionMayStayEmptyOnceTheRequiredOnesAreComplete() {
        var rules = new PlanRules(template(List.of(Section.REVENUE, Section.KPIS), List.of(Section.CAMPAIGNS)), "USD", FY2027);
        var complete = content(new PlanSections(null, new RevenueTargets(usd(1), usd(1), 3, null, null), List.of(),
                null, null, List.of(new KpiTarget("revenue_won", BigDecimal.ONE, null),
                        new KpiTarget("win_rate", BigDecimal.TEN, null))));
        assertEquals(List.of(), rules.missingForSubmission(complete), "campaigns are allowed, not required");
    }

    // ------------------------------------------------ closed revenue, pipeline and deals: entered once

    private static RevenueTargets closedRevenue(long amount) {
        return new RevenueTargets(usd(4_000), usd(amount), 40, null, null);
    }

    @Test
    void aKpiTheRevenueSectionTargetsTakesItsTargetAndSplitFromThere() {
        var rules = new PlanRules(template(List.of(Section.REVENUE, Section.KPIS), List.of()), "USD", FY2027);
        var checked = rules.check(content(new PlanSections(null, closedRevenue(1_000), null, null, null,
                List.of(new KpiTarget("win_rate", BigDecimal.valueOf(30), null)))));
        KpiTarget won = checked.sections().kpis().stream().filter(k -> k.kpiKey().equals("revenue_won")).findFirst().orElseThrow();
        assertEquals(0, BigDecimal.valueOf(1_000).compareTo(won.target()), "added without being entered a second time");
        assertEquals(checked.sections().revenue().quarters().stream().map(q -> q.closedRevenue().amount()).toList(),
                won.quarterly(), "the revenue section's quarterly split");
        assertEquals(List.of(), rules.missingForSubmission(checked), "nothing left to enter in the KPI section");
    }

    @Test
    void aDifferentFigureForTheSameTargetIsRefusedAtTheKpi() {
        var rules = new PlanRules(template(List.of(Section.REVENUE, Section.KPIS), List.of()), "USD", FY2027);
        ProblemException problem = assertThrows(ProblemException.class, () -> rules.check(content(new PlanSections(null,
                closedRevenue(1_000), null, null, null, List.of(new KpiTarget("revenue_won", BigDecimal.valueOf(900), null))))));
        assertEquals(List.of("sections.kpis[0].target"), problem.errors().stream().map(FieldError::field).toList());
        assertTrue(problem.errors().get(0).message().contains("sections.revenue.closedRevenue = 1000"),
                problem.errors().get(0).message());
        var same = rules.check(content(new PlanSections(null, closedRevenue(1_000), null, null, null,
                List.of(new KpiTarget("revenue_won", BigDecimal.valueOf(1_000), null)))));
        assertEquals(1, same.sections().kpis().stream().filter(k -> k.kpiKey().equals("revenue_won")).count(),
                "the same figure sent twice is still one target");
    }

    @Test
    void anEditOfTheRevenueSectionCarriesTheKpiTargetAlong() {
        var rules = new PlanRules(template(List.of(Section.REVENUE, Section.KPIS), List.of()), "USD", FY2027);
        var saved = rules.check(content(new PlanSections(null, closedRevenue(1_000), null, null, null, List.of())));
        var raised = new PlanSections(null, closedRevenue(1_200), null, null, null, saved.sections().kpis());
        var edited = rules.check(content(raised), saved);
        assertEquals(0, BigDecimal.valueOf(1_200).compareTo(edited.sections().kpis().get(0).target()));
    }

    @Test
    void aKpiTargetLeftOutIsRefusedWhenTheRevenueSectionDoesNotSetIt() {
        var rules = new PlanRules(template(List.of(Section.KPIS), List.of()), "USD", FY2027);
        assertEquals(List.of("sections.kpis[0].target"), fieldsOf(() -> rules.check(content(new PlanSections(null, null,
                null, null, null, List.of(new KpiTarget("win_rate", null, null)))))));
    }
}
