package org.jbp.plan.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jbp.kernel.PartnerAccountId;
import org.junit.jupiter.api.Test;

/** The plan's lifecycle as the aggregate enforces it, whoever calls. */
class BusinessPlanTest {

    static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");
    static final PlanPeriod FY2027 = PlanPeriod.fiscalYear(2027, 1);

    final BusinessPlan plan = new BusinessPlan(PartnerAccountId.of("001000000000001"), UUID.randomUUID(), 1, "USD",
            FY2027, "005000000000002", "005000000000002", AT);

    @Test
    void aNewPlanIsADraftOfRevisionZero() {
        assertEquals(PlanStatus.DRAFT, plan.status());
        assertEquals(0, plan.approvalRound());
    }

    @Test
    void eachSubmissionOpensTheNextApprovalRound() {
        assertEquals(1, plan.submit(AT));
        plan.returnToDraft(AT);
        assertEquals(PlanStatus.DRAFT, plan.status());
        assertEquals(2, plan.submit(AT.plusSeconds(60)));
        assertEquals(AT.plusSeconds(60), plan.submittedAt());
    }

    @Test
    void theApprovalFixesTheBaselineAtTheRevisionApproved() {
        edit("v1");
        plan.submit(AT);
        plan.approve(AT);
        assertEquals(PlanStatus.APPROVED, plan.status());
        assertEquals(Integer.valueOf(1), plan.baselineRevision());
    }

    @Test
    void anApprovedPlanActivatesOnlyOnceItsPeriodHasStarted() {
        plan.submit(AT);
        plan.approve(AT);
        assertFalse(plan.activateIfStarted(FY2027.start().minusDays(1), AT));
        assertEquals(PlanStatus.APPROVED, plan.status());
        assertTrue(plan.activateIfStarted(FY2027.start(), AT));
        assertEquals(PlanStatus.ACTIVE, plan.status());
        assertFalse(plan.activateIfStarted(FY2027.start().plusDays(1), AT), "activates once");
    }

    @Test
    void onlyADraftIsEditedAndOnlyAnActivePlanIsAmended() {
        plan.submit(AT);
        BusinessPlan.IllegalTransition edit = assertThrows(BusinessPlan.IllegalTransition.class, () -> edit("late"));
        assertEquals("edit", edit.action());
        assertEquals(PlanStatus.IN_APPROVAL, edit.status());
        assertThrows(BusinessPlan.IllegalTransition.class, plan::openAmendmentRound);
        plan.approve(AT);
        plan.activateIfStarted(FY2027.start(), AT);
        int round = plan.openAmendmentRound();
        assertEquals(2, round, "an amendment is approved in a round of its own");
        PlanRevision amended = plan.applyAmendment(content("amended"), "{}", List.of("title"), "u", "why", AT);
        assertEquals(plan.revision(), amended.number());
        assertEquals("amended", plan.title());
    }

    @Test
    void aDraftCannotBeClosedButAnApprovedPlanWhosePeriodNeverStartedCan() {
        assertThrows(BusinessPlan.IllegalTransition.class, () -> plan.close("u", AT, "{}", null));
        plan.submit(AT);
        plan.approve(AT);
        plan.close("005000000000002", AT, "{\"report\":true}", null);
        assertEquals(PlanStatus.CLOSED, plan.status());
        assertEquals("005000000000002", plan.closedBy());
        assertThrows(BusinessPlan.IllegalTransition.class, () -> plan.close("u", AT, "{}", null), "closed once");
    }

    @Test
    void aRejectedPlanStaysRejected() {
        plan.submit(AT);
        plan.reject(AT);
        assertEquals(PlanStatus.REJECTED, plan.status());
        assertThrows(BusinessPlan.IllegalTransition.class, () -> plan.submit(AT));
        assertThrows(BusinessPlan.IllegalTransition.class, () -> plan.approve(AT));
        assertNull(plan.approvedAt());
    }

    private void edit(String title) {
        plan.revise(content(title), "{}", List.of("title"), "u", null, AT);
    }

    private static PlanContent content(String title) {
        return new PlanContent(title, PlanSections.empty(), null);
    }

}
