/** Running approval chains and the SLA escalation. */
package org.jbp.approval.control;
