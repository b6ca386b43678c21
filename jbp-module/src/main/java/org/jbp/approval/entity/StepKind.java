package org.jbp.approval.entity;

/** Partner acceptance comes first where the template asks for it; then the vendor's approvals. */
public enum StepKind {
    ACCEPTANCE, APPROVAL
}
