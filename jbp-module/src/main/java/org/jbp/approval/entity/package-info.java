/**
 * Approval steps and decisions: partner acceptance and the template chain, one round per submission or amendment,
 * decisions with reasons, SLAs and escalation. Depends on nothing else.
 */
package org.jbp.approval.entity;
