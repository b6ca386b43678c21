/**
 * Recording and reading KPI actuals; pace, status and projection ({@code Pace}, plain arithmetic); the plan
 * dashboard; alerts, evaluated after every CRM sync (the sync calls {@code KpiAlerts}). Reads plans and templates,
 * writes review records and notifications.
 */
package org.jbp.kpi.control;
