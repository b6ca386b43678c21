/**
 * REST: create, read, list and edit plans (If-Match), close and next cycle, revisions, comments, amendments, a
 * partner's plans; {@code PlanViews} builds the plan as the API shows it for these and for approval's
 * transitions, {@code LifecycleGuard} turns an illegal transition into a 409 with the allowed actions.
 */
package org.jbp.plan.boundary;
