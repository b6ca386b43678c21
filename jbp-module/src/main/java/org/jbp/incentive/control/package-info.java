/**
 * Plan-linked fund requests (requested on approval, withdrawn when an amendment drops the campaign, their
 * Salesforce status and claims read back after each KPI sync) and incentive rules (condition parser, evaluator,
 * effects). Queues its CRM writes in the outbox.
 */
package org.jbp.incentive.control;
