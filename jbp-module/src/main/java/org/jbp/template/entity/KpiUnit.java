package org.jbp.template.entity;

/** How a KPI is measured; currency KPIs are in the plan's currency. */
public enum KpiUnit {
    CURRENCY, COUNT, PERCENT
}
