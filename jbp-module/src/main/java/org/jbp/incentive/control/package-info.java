/**
 * Write-back to the CRM: queueing writes (Outbox), delivering them (OutboxDelivery, with leases, backoff and
 * parking), the admin's recorded retries of writes that stopped (OutboxRetries), plan-linked fund requests
 * (requested on approval, withdrawn when an amendment drops the campaign, their Salesforce status and claims read
 * back after each KPI sync), and incentive rules (condition parser, evaluator, effects).
 * Depends on plan, kpi, partner, template, sync (its observer and read-back hooks) and the crm-api connector;
 * observes plan milestones as CDI events.
 */
package org.jbp.incentive.control;
