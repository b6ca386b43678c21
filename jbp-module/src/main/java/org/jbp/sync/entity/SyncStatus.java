package org.jbp.sync.entity;

/**
 * RUNNING until the job ends. LIMIT_REACHED means the CRM's daily API limit stopped it: the next run
 * (scheduled or requested) resumes it where it stopped instead of starting over. ABANDONED means its instance
 * stopped renewing the lease (it died or hung) and another run took the lease instead of taking this one over;
 * like a FAILED run it can still be restarted from its checkpoint. QUERY_TIMEOUT means Salesforce stopped a query for
 * running too long that cannot be cut into smaller ones (the error names it): resuming sends the same query again,
 * so it is resumed on request only, after the org or the mapping made the query selective.
 */
public enum SyncStatus {
    RUNNING, COMPLETED, FAILED, LIMIT_REACHED, ABANDONED, QUERY_TIMEOUT;

    public boolean isResumable() {
        return this == LIMIT_REACHED || this == FAILED || this == ABANDONED || this == QUERY_TIMEOUT;
    }
}
