package org.jbp.plan.entity;

/** Who a certification milestone is for. */
public enum CertificationRole {
    SALES, PRE_SALES, TECHNICAL
}
