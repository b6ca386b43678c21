/**
 * The BusinessPlan aggregate and everything that is the plan itself: sections, revisions, comments, amendments,
 * the review records and their action rules, the lifecycle ({@code PlanLifecycle}: activation, review schedule,
 * close at period end), closing and the next cycle, and the one access policy ({@code PlanAccess}). The
 * period-end report still sits here until the report feature takes it. What features above plan add, plan asks
 * through its own interfaces ({@code PlanWorkflow}, {@code PlanActuals}, {@code ChainOutcome}) or announces as CDI
 * events ({@code PlanEvent}, {@code AmendmentProposed}). Depends on template, notification, partner, people,
 * platform, security and the kernel; never on approval, kpi, review, sync or incentive.
 */
package org.jbp.plan;
