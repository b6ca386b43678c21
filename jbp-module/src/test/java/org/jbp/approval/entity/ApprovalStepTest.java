package org.jbp.approval.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.jbp.kernel.PlanId;
import org.jbp.kernel.StateConflict;
import org.junit.jupiter.api.Test;

/** A step of an approval chain: opened once, decided once, overdue past its SLA until escalated. */
class ApprovalStepTest {

    static final Instant OPENED = Instant.parse("2026-11-02T10:00:00Z");

    final ApprovalStep step = new ApprovalStep(PlanId.random(), null, 1, 1, StepKind.APPROVAL, "VP Channel",
            "approver", null, 48);

    @Test
    void openingStartsTheSlaClock() {
        assertEquals(StepStatus.WAITING, step.status());
        step.open(OPENED);
        assertEquals(StepStatus.PENDING, step.status());
        assertEquals(OPENED.plus(Duration.ofHours(48)), step.dueAt());
        assertThrows(IllegalStateException.class, () -> step.open(OPENED), "a step is opened once");
    }

    @Test
    void aDecidedStepIsNeverDecidedAgain() {
        step.open(OPENED);
        step.decide(Decision.REQUEST_REVISION, "005000000000004", "Alice", "numbers missing", OPENED.plusSeconds(60));
        assertEquals(StepStatus.REVISION_REQUESTED, step.status());
        StateConflict again = assertThrows(StateConflict.class,
                () -> step.decide(Decision.APPROVE, "005000000000005", "Bob", null, OPENED.plusSeconds(90)));
        assertEquals("REVISION_REQUESTED", again.details().get("stepStatus"));
        assertTrue(again.getMessage().contains("decided by 005000000000004"), again.getMessage());
        assertEquals("005000000000004", step.decidedBy(), "the first decision stands");
    }

    @Test
    void aWaitingStepCannotBeDecided() {
        assertThrows(StateConflict.class, () -> step.decide(Decision.APPROVE, "u", "U", null, OPENED));
    }

    @Test
    void aPendingStepIsOverduePastItsSlaUntilItIsEscalated() {
        step.open(OPENED);
        Instant due = OPENED.plus(Duration.ofHours(48));
        assertFalse(step.isOverdue(due));
        assertTrue(step.isOverdue(due.plusSeconds(1)));
        step.escalate("vp-sales", due.plusSeconds(1));
        assertFalse(step.isOverdue(due.plusSeconds(2)), "escalated once, not every minute");
        assertEquals("vp-sales", step.escalatedTo());
    }

    @Test
    void skippingLeavesADecisionAlone() {
        step.open(OPENED);
        step.decide(Decision.APPROVE, "u", "U", null, OPENED);
        step.skip();
        assertEquals(StepStatus.APPROVED, step.status());
        ApprovalStep later = new ApprovalStep(PlanId.random(), null, 1, 2, StepKind.APPROVAL, "CFO", null,
                "005000000000006", 24);
        later.skip();
        assertEquals(StepStatus.SKIPPED, later.status());
    }
}
