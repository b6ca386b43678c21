package org.jbp.plan.entity;

/** Where a plan is in its lifecycle. */
public enum PlanStatus {
    DRAFT, IN_APPROVAL, APPROVED, ACTIVE, REJECTED, CLOSED
}
