package org.jbp.plan.entity;

/** An amendment waits for its chain, then is applied, sent back or refused. */
public enum AmendmentStatus {
    IN_APPROVAL, APPROVED, REVISION_REQUESTED, REJECTED
}
