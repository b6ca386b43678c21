package org.jbp.template.entity;

/** How often an active plan is reviewed jointly. */
public enum ReviewCadence {
    MONTHLY, QUARTERLY
}
