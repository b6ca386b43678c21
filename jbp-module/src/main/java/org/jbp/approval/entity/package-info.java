/**
 * Multi-level approval: partner acceptance and the template chain, one round per submission or amendment,
 * decisions with reasons, SLAs and escalation. Depends on plan, template, notification, security, platform.
 */
package org.jbp.approval.entity;
