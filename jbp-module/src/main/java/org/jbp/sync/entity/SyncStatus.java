package org.jbp.sync.entity;

/**
 * RUNNING until the job ends. LIMIT_REACHED means the CRM's daily API limit stopped it: the next run
 * (scheduled or requested) resumes it where it stopped instead of starting over.
 */
public enum SyncStatus {
    RUNNING, COMPLETED, FAILED, LIMIT_REACHED;

    public boolean isResumable() {
        return this == LIMIT_REACHED || this == FAILED;
    }
}
