/**
 * Incentive rules from milestones to tier changes and MDF eligibility, and plan-linked fund requests. Writes to the
 * CRM through the outbox; observes plan milestones ({@code PlanEvent}) and delivered writes ({@code
 * WriteDelivered}) as CDI events; plugs into the sync's hooks. Depends on sync, kpi, plan, template, partner,
 * notification, outbox, security, platform.
 */
package org.jbp.incentive;
