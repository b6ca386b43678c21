/**
 * Incentives and the CRM outbox: every write to Salesforce is queued here in the transaction that causes it.
 * Depends on platform only.
 */
package org.jbp.incentive.entity;
