/** Recording and reading KPI actuals. */
package org.jbp.kpi.control;
