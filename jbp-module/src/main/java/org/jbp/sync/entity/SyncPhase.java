package org.jbp.sync.entity;

/** The steps of the sync job, in order. */
public enum SyncPhase {
    PARTNERS, FACTS, ACTUALS, ALERTS, DONE
}
