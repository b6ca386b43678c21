package org.jbp.plan.entity;

/** How revenue targets are broken down. */
public enum BreakdownDimension {
    PRODUCT_LINE, VERTICAL, SEGMENT
}
