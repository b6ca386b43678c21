package org.jbp.approval.entity;

/** What an approver decides on a step. */
public enum Decision {
    APPROVE("approve", StepStatus.APPROVED),
    REQUEST_REVISION("request-revision", StepStatus.REVISION_REQUESTED),
    REJECT("reject", StepStatus.REJECTED);

    private final String action;
    private final StepStatus outcome;

    Decision(String action, StepStatus outcome) {
        this.action = action;
        this.outcome = outcome;
    }

    public String action() {
        return action;
    }

    public StepStatus outcome() {
        return outcome;
    }

    public boolean needsReason() {
        return this != APPROVE;
    }
}
