package org.jbp.approval.entity;

/** WAITING steps open one after the other; a decided or skipped step never reopens. */
public enum StepStatus {
    WAITING, PENDING, APPROVED, REVISION_REQUESTED, REJECTED, SKIPPED;

    public boolean isDecided() {
        return this == APPROVED || this == REVISION_REQUESTED || this == REJECTED;
    }
}
