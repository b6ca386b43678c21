package org.jbp.sync.entity;

/** FULL recomputes every eligible plan; INCREMENTAL only the partners whose CRM records changed. */
public enum SyncMode {
    FULL, INCREMENTAL
}
