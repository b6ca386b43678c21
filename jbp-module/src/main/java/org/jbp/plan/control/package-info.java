/**
 * Plan services and policies: {@code PlanService}, {@code PlanAccess} (who sees and acts on which plan, and which
 * plans a list may hold), {@code PlanRules}, {@code AmendmentService}, {@code ClosingService}, {@code
 * PlanLifecycle}, the repository; and plan's interfaces for the features above it.
 */
package org.jbp.plan.control;
