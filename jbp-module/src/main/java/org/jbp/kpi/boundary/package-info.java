/** REST: a plan's KPI actuals, dashboard and alerts, and the portfolio dashboard. */
package org.jbp.kpi.boundary;
