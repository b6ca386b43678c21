/**
 * Write-back to the CRM: queueing writes (Outbox), delivering them (OutboxDelivery, with leases, backoff and
 * parking), plan-linked fund requests, and incentive rules (condition parser, evaluator, effects).
 * Depends on plan, kpi, partner, template and the crm-api connector; observes plan milestones as CDI events.
 */
package org.jbp.incentive.control;
