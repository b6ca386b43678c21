/**
 * Incentives and the CRM outbox: queued writes and the admin's retries of them, fund requests, incentive rules and their firings, tier history
 * and MDF eligibility. Entities change through behaviour methods. Depends on platform only.
 */
package org.jbp.incentive.entity;
