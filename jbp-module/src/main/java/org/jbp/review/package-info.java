/**
 * The review workspace: a plan's due review with the KPI snapshot and the previous review's open actions, and
 * holding a review (decisions, actions, the frozen dashboard). The review records themselves are plan entities.
 * Depends on plan, kpi, people, security, platform.
 */
package org.jbp.review;
