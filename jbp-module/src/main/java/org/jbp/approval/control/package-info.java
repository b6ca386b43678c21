/**
 * Running approval chains (opened on submit and on an {@code AmendmentProposed} event), the SLA escalation and
 * the lifecycle timer, the caller's allowed actions.
 */
package org.jbp.approval.control;
