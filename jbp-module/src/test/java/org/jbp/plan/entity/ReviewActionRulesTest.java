package org.jbp.plan.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jbp.plan.entity.ReviewAction.OwnerSide;
import org.jbp.plan.entity.ReviewAction.Status;
import org.jbp.plan.entity.ReviewActionRules.Decision;
import org.jbp.plan.entity.ReviewActionRules.Previous;
import org.jbp.kernel.RuleViolation;
import org.jbp.kernel.RuleViolation.Violation;
import org.junit.jupiter.api.Test;

class ReviewActionRulesTest {

    private static final LocalDate LAST_MONTH = LocalDate.of(2026, 10, 31);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final UUID PREVIOUS = UUID.randomUUID();
    private static final UUID THIS = UUID.randomUUID();

    private static ReviewAction open(String what, OwnerSide side) {
        return ReviewAction.agreed(what, side, null, TODAY.plusDays(14), null);
    }

    private static Previous previous(ReviewAction... actions) {
        return new Previous(PREVIOUS, LAST_MONTH, List.of(actions));
    }

    private static List<Violation> refused(Previous previous, List<Decision> decisions, List<ReviewAction> agreed) {
        RuleViolation e = assertThrows(RuleViolation.class,
                () -> ReviewActionRules.apply(previous, decisions, THIS, TODAY, agreed));
        return e.violations();
    }

    @Test
    void actionsAgreedInTheFirstReviewAreOpenAndNothingElseIsNeeded() {
        var outcome = ReviewActionRules.apply(null, List.of(), THIS, TODAY,
                List.of(open("Draft the webinar agenda", OwnerSide.PARTNER)));
        assertEquals(List.of(), outcome.previous());
        assertEquals(1, outcome.actions().size());
        assertEquals(Status.OPEN, outcome.actions().get(0).status());
        assertNull(outcome.actions().get(0).carriedFrom());
    }

    @Test
    void everyOpenActionOfThePreviousReviewNeedsADecision() {
        List<Violation> errors = refused(previous(open("Agenda", OwnerSide.PARTNER), open("MDF", OwnerSide.VENDOR)),
                List.of(new Decision(0, Status.DONE)), List.of());
        assertEquals(1, errors.size());
        assertEquals("previousActions", errors.get(0).field());
        assertEquals(true, errors.get(0).message().contains("action 1") && errors.get(0).message().contains("MDF"),
                errors.get(0).message());
    }

    @Test
    void doneClosesTheActionWhereItWasAgreedAndCarriedOverCopiesItOpenWithALink() {
        var outcome = ReviewActionRules.apply(previous(open("Agenda", OwnerSide.PARTNER), open("MDF", OwnerSide.VENDOR)),
                List.of(new Decision(1, Status.CARRIED_OVER), new Decision(0, Status.DONE)), THIS, TODAY,
                List.of(open("Book the venue", OwnerSide.VENDOR)));
        assertEquals(Status.DONE, outcome.previous().get(0).status());
        assertEquals(THIS, outcome.previous().get(0).decidedIn());
        assertEquals(Status.CARRIED_OVER, outcome.previous().get(1).status());
        assertEquals(2, outcome.actions().size(), "the carried-over copy first, then what was agreed now");
        ReviewAction carried = outcome.actions().get(0);
        assertEquals("MDF", carried.description());
        assertEquals(OwnerSide.VENDOR, carried.ownerSide());
        assertEquals(Status.OPEN, carried.status());
        assertEquals(new ReviewAction.CarriedFrom(PREVIOUS, LAST_MONTH, 1), carried.carriedFrom());
        assertEquals("Book the venue", outcome.actions().get(1).description());
    }

    @Test
    void closedActionsNeedNoDecisionAndCannotBeDecidedAgain() {
        ReviewAction done = open("Agenda", OwnerSide.PARTNER).decided(Status.DONE, PREVIOUS);
        var outcome = ReviewActionRules.apply(previous(done), List.of(), THIS, TODAY, List.of());
        assertEquals(List.of(done), outcome.previous());
        List<Violation> errors = refused(previous(done), List.of(new Decision(0, Status.CARRIED_OVER)), List.of());
        assertEquals("previousActions[0].action", errors.get(0).field());
    }

    @Test
    void aDecisionNamesAnActionThatExistsOnceWithDoneOrCarriedOver() {
        Previous one = previous(open("Agenda", OwnerSide.PARTNER));
        assertEquals("previousActions[0].action", refused(one, List.of(new Decision(3, Status.DONE)), List.of())
                .get(0).field());
        assertEquals("previousActions[1].action", refused(one, List.of(new Decision(0, Status.DONE),
                new Decision(0, Status.CARRIED_OVER)), List.of()).get(0).field());
        assertEquals("previousActions[0].status", refused(one, List.of(new Decision(0, Status.OPEN)), List.of())
                .get(0).field());
        assertEquals("previousActions[0].action", refused(null, List.of(new Decision(0, Status.DONE)), List.of())
                .get(0).field(), "the first review has nothing to decide");
    }

    @Test
    void anActionAgreedNowIsDueFromTodayAndIsNeverCarriedOverAlready() {
        List<Violation> errors = refused(null, List.of(), List.of(open("fine", OwnerSide.VENDOR),
                ReviewAction.agreed("late", OwnerSide.PARTNER, "Ann", TODAY.minusDays(1), null),
                ReviewAction.agreed("odd", OwnerSide.PARTNER, null, TODAY, Status.CARRIED_OVER)));
        assertEquals(List.of("actions[1].dueDate", "actions[2].status"), errors.stream().map(Violation::field).toList());
    }

    @Test
    void anActionRecordedBeforeStatusesExistedCountsAsOpen() {
        ReviewAction legacy = new ReviewAction("Old action", null, "Partner marketing", null, null, null, null);
        assertEquals("previousActions", refused(previous(legacy), List.of(), List.of()).get(0).field());
        var outcome = ReviewActionRules.apply(previous(legacy), List.of(new Decision(0, Status.DONE)), THIS, TODAY,
                List.of());
        assertEquals(Status.DONE, outcome.previous().get(0).status());
    }
}
