/**
 * The period-end report (planned against actual, frozen when a plan closes) and the trends of a plan: how it is
 * built, its one-page summary rules, the burn-up per KPI, and its renderings as CSV and PDF. Depends on plan, kpi,
 * approval, people and partner; plan depends on it only through {@code plan.control.PeriodEndSnapshot}.
 */
package org.jbp.report.control;
