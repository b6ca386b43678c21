package org.jbp.plan.entity;

/** How a plan's period was chosen. */
public enum PeriodKind {
    FISCAL_YEAR, FISCAL_QUARTER, CUSTOM
}
