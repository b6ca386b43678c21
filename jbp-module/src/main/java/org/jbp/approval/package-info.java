/**
 * Multi-level approval and the plan's workflow: submit and partner acceptance, the template chain, one round per
 * submission or amendment, decisions with reasons, SLAs and escalation, the lifecycle timer, "what may I do with
 * this plan" ({@code PlanActions}, given to plan as its {@code PlanWorkflow}) and the approver's queue. Depends
 * on plan, template, notification, people, partner, security, platform.
 */
package org.jbp.approval;
