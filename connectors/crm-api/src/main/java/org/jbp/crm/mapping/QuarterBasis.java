package org.jbp.crm.mapping;

/** Whether KPI facts are grouped by calendar quarters or by the org's fiscal quarters. */
public enum QuarterBasis { CALENDAR, FISCAL }
