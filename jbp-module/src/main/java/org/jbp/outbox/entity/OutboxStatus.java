package org.jbp.outbox.entity;

/** PENDING until delivered; FAILED writes wait for an admin to retry or discard them. */
public enum OutboxStatus {
    PENDING, DELIVERED, FAILED, DISCARDED
}
