/**
 * KPI actuals (a time series of recorded values per plan and metric, from the CRM sync or entered by hand) and
 * KPI alerts (one open per plan and KPI while it is below its threshold). Depends on platform only.
 */
package org.jbp.kpi.entity;
