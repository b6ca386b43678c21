/**
 * KPI actuals (a time series), pace, the plan dashboard, alerts and the portfolio. Implements plan's {@code
 * PlanActuals}. Depends on plan, template, notification, partner, security, platform; the sync records the
 * actuals and calls the alerts, kpi does not know the sync.
 */
package org.jbp.kpi;
