package org.jbp.template.entity;

/** What a plan mainly commits to. */
public enum PlanType {
    SALES, MARKETING, COMBINED
}
