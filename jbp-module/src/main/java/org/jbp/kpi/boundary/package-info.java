/** REST: KPI actuals of a plan. */
package org.jbp.kpi.boundary;
