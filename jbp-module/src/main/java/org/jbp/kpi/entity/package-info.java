/**
 * KPI actuals: a time series of recorded values per plan and metric, from the CRM sync or entered by hand.
 * Depends on platform only.
 */
package org.jbp.kpi.entity;
