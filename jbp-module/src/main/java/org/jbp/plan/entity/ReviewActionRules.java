package org.jbp.plan.entity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jbp.kernel.RuleViolation;
import org.jbp.kernel.RuleViolation.Violation;

/**
 * What recording a review does to actions: the actions agreed in it, and a decision on every action the previous
 * review left open. Field errors name the request's JSON paths ({@code actions[0].dueDate},
 * {@code previousActions[1].action}).
 *
 * <p>Every open action of the previous review needs an explicit decision, DONE or CARRIED_OVER; none is carried
 * over by default. A demanding channel manager wants the review to look at each commitment made last time: a
 * silent carry-over is how actions drift from review to review with nobody having asked about them, and the
 * record would show a decision nobody took. The tab makes "carry over the rest" one click, so being explicit
 * costs little.
 */
public final class ReviewActionRules {

    private ReviewActionRules() {
    }

    /** A decision on the previous review's action at position {@code action}: DONE or CARRIED_OVER. */
    public record Decision(Integer action, ReviewAction.Status status) {
    }

    /** The previous review's actions with the decisions applied, and this review's actions (carried over first). */
    public record Outcome(List<ReviewAction> previous, List<ReviewAction> actions) {
    }

    /** The previous review, as far as its actions go; null when this is the plan's first review. */
    public record Previous(UUID reviewId, LocalDate reviewDate, List<ReviewAction> actions) {
    }

    public static Outcome apply(Previous previous, List<Decision> decisions, UUID reviewId, LocalDate reviewDate,
                                List<ReviewAction> agreed) {
        List<Violation> errors = new ArrayList<>();
        for (int i = 0; i < agreed.size(); i++) {
            ReviewAction a = agreed.get(i);
            if (a.dueDate() != null && a.dueDate().isBefore(reviewDate)) {
                errors.add(new Violation("actions[" + i + "].dueDate", "must not be before the review (" + reviewDate + ")"));
            }
            if (a.status() == ReviewAction.Status.CARRIED_OVER) {
                errors.add(new Violation("actions[" + i + "].status",
                        "an action agreed now is OPEN or DONE; CARRIED_OVER is decided in a later review"));
            }
        }
        List<ReviewAction> before = previous == null ? List.of() : new ArrayList<>(previous.actions());
        List<ReviewAction> carried = new ArrayList<>();
        Set<Integer> decided = new HashSet<>();
        for (int i = 0; i < decisions.size(); i++) {
            Decision d = decisions.get(i);
            String at = "previousActions[" + i + "]";
            if (previous == null) {
                errors.add(new Violation(at + ".action", "this is the plan's first review; there is nothing to decide"));
                continue;
            }
            if (d.action() == null || d.action() < 0 || d.action() >= before.size()) {
                errors.add(new Violation(at + ".action", "the review of " + previous.reviewDate() + " has no action "
                        + d.action()));
                continue;
            }
            ReviewAction action = before.get(d.action());
            if (!action.isOpen()) {
                errors.add(new Violation(at + ".action", "action " + d.action() + " of the review of "
                        + previous.reviewDate() + " is already " + action.status()));
                continue;
            }
            if (!decided.add(d.action())) {
                errors.add(new Violation(at + ".action", "action " + d.action() + " is decided twice"));
                continue;
            }
            if (d.status() != ReviewAction.Status.DONE && d.status() != ReviewAction.Status.CARRIED_OVER) {
                errors.add(new Violation(at + ".status", "must be DONE or CARRIED_OVER"));
                continue;
            }
            before.set(d.action(), action.decided(d.status(), reviewId));
            if (d.status() == ReviewAction.Status.CARRIED_OVER) {
                carried.add(action.carriedInto(previous.reviewId(), previous.reviewDate(), d.action()));
            }
        }
        for (int n = 0; n < before.size(); n++) {
            if (before.get(n).isOpen() && !decided.contains(n)) {
                errors.add(new Violation("previousActions", "action " + n + " of the review of "
                        + previous.reviewDate() + " ('" + before.get(n).description()
                        + "') is still open: mark it DONE or CARRIED_OVER"));
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleViolation(errors);
        }
        List<ReviewAction> actions = new ArrayList<>(carried);
        actions.sort(java.util.Comparator.comparingInt(a -> a.carriedFrom().action()));
        actions.addAll(agreed);
        return new Outcome(before, actions);
    }
}
