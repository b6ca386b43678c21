package org.jbp.template.entity;

/** Whether reaching more than the target is good (revenue) or bad (cost, churn). */
public enum KpiDirection {
    HIGHER_IS_BETTER, LOWER_IS_BETTER
}
