package org.jbp.plan.entity;

/** Where a joint review stands; the constants are the values {@code plan_review.status} has always held. */
public enum ReviewStatus {
    /** Due on its date, not held yet. */
    SCHEDULED,
    /** Held and recorded: notes, decisions, actions and the KPIs as they stood. */
    COMPLETED
}
