package org.jbp.plan.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.jbp.kernel.PlanId;
import org.jbp.kernel.StateConflict;
import org.junit.jupiter.api.Test;

/** A review is held once; until then it is due, and overdue once its date has passed. */
class ReviewTest {

    private static final LocalDate DUE = LocalDate.of(2026, 6, 30);
    private static final Instant HELD = Instant.parse("2026-06-30T14:00:00Z");

    @Test
    void aReviewRecordedTwiceIsRefusedAndKeepsTheFirstRecord() {
        Review review = new Review(PlanId.random(), DUE);
        assertEquals(ReviewStatus.SCHEDULED, review.status());
        review.complete("first", "[]", "[]", "{}", "005000000000001", HELD);
        assertEquals(ReviewStatus.COMPLETED, review.status());
        StateConflict again = assertThrows(StateConflict.class,
                () -> review.complete("second", "[]", "[]", "{}", "005000000000002", HELD.plusSeconds(60)));
        assertEquals("COMPLETED", again.details().get("reviewStatus"), "the 409 names the stored status");
        assertEquals("first", review.notes());
        assertEquals("005000000000001", review.completedBy());
    }

    @Test
    void onlyARecordedReviewHasActionsToDecide() {
        Review review = new Review(PlanId.random(), DUE);
        assertThrows(IllegalStateException.class, () -> review.actionsDecided("[]"));
    }

    @Test
    void aScheduledReviewPastItsDateIsOverdueUntilNoticedOrHeld() {
        Review review = new Review(PlanId.random(), DUE);
        assertFalse(review.isOverdueUnnoticed(DUE), "due today is not overdue");
        assertTrue(review.isOverdueUnnoticed(DUE.plusDays(1)));
        review.overdueNotified(HELD);
        assertFalse(review.isOverdueUnnoticed(DUE.plusDays(2)), "noticed once");
        Review held = new Review(PlanId.random(), DUE);
        held.complete(null, "[]", "[]", "{}", "005000000000001", HELD);
        assertFalse(held.isOverdueUnnoticed(DUE.plusDays(5)), "a held review is never overdue");
    }
}
