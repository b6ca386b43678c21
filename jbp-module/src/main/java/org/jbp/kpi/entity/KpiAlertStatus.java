package org.jbp.kpi.entity;

/** Whether an alert still stands; the constants are the values {@code kpi_alert.status} has always held. */
public enum KpiAlertStatus {
    /** The metric is below its threshold of the expected pace (at most one open alert per plan and metric). */
    OPEN,
    /** The metric recovered, or the plan left ACTIVE. */
    CLOSED
}
