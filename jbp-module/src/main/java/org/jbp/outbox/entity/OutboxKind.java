package org.jbp.outbox.entity;

/** What a queued CRM write does. */
public enum OutboxKind {
    TASK_UPSERT, TASK_CLOSE, TIER_CHANGE, FUND_REQUEST_UPSERT, FUND_REQUEST_CANCEL
}
