package org.jbp.plan.entity;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An action agreed in a joint review: who on which side owns it, by when, and where it stands. Actions recorded
 * before owner sides and statuses existed read with {@code ownerSide} and {@code status} null; such an action
 * counts as OPEN.
 *
 * @param carriedFrom  the review and position it was carried over from, null for an action agreed in this review
 * @param decidedIn    the review in which it was closed or carried over, null while it is open
 */
public record ReviewAction(String description, OwnerSide ownerSide, String owner, LocalDate dueDate,
                           Status status, CarriedFrom carriedFrom, UUID decidedIn) {

    public enum OwnerSide { VENDOR, PARTNER }

    public enum Status { OPEN, DONE, CARRIED_OVER }

    /** Where a carried-over action came from: the earlier review, its date and the action's position in it. */
    public record CarriedFrom(UUID reviewId, LocalDate reviewDate, int action) {
    }

    public static ReviewAction agreed(String description, OwnerSide ownerSide, String owner, LocalDate dueDate,
                                      Status status) {
        return new ReviewAction(description, ownerSide, owner, dueDate, status == null ? Status.OPEN : status,
                null, null);
    }

    public boolean isOpen() {
        return status == null || status == Status.OPEN;
    }

    /** This action as decided in review {@code in}: DONE, or CARRIED_OVER (then {@link #carriedInto} is the copy). */
    public ReviewAction decided(Status decision, UUID in) {
        return new ReviewAction(description, ownerSide, owner, dueDate, decision, carriedFrom, in);
    }

    /** The OPEN copy a later review takes over, linked to this action at {@code position} of review {@code from}. */
    public ReviewAction carriedInto(UUID from, LocalDate fromDate, int position) {
        return new ReviewAction(description, ownerSide, owner, dueDate, Status.OPEN,
                new CarriedFrom(from, fromDate, position), null);
    }
}
