/**
 * Recording and reading KPI actuals; pace, status and projection ({@code Pace}, plain arithmetic); the plan
 * dashboard; alerts evaluated after every CRM sync. Reads plans and templates, writes reviews and notifications.
 */
package org.jbp.kpi.control;
