package org.jbp.outbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jbp.kernel.PlanId;
import org.jbp.kernel.PlanIdConverter;

/**
 * One write to Salesforce, recorded in the same transaction as the plan change that causes it.
 * The external id makes delivery idempotent: the CRM upserts on it, so a retry never writes twice.
 */
@Entity
@Table(name = "crm_outbox")
public class OutboxEntry {

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private OutboxKind kind;
    @Column(name = "external_id")
    private String externalId;
    @Column(name = "plan_id")
    @Convert(converter = PlanIdConverter.class)
    private PlanId planId;
    private String payload;
    @Enumerated(EnumType.STRING)
    private OutboxStatus status;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "last_error_code")
    private String lastErrorCode;
    @Column(name = "last_error_message")
    private String lastErrorMessage;
    @Column(name = "crm_id")
    private String crmId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "delivered_at")
    private Instant deliveredAt;
    @Column(name = "lease_until")
    private Instant leaseUntil;
    @Column(name = "lease_owner")
    private String leaseOwner;
    @Version
    private long version;

    protected OutboxEntry() {
    }

    public OutboxEntry(OutboxKind kind, String externalId, PlanId planId, String payload, Instant at) {
        this.id = UUID.randomUUID();
        this.kind = Objects.requireNonNull(kind);
        this.externalId = Objects.requireNonNull(externalId);
        this.planId = planId;
        this.payload = Objects.requireNonNull(payload);
        this.status = OutboxStatus.PENDING;
        this.createdAt = Objects.requireNonNull(at);
        this.nextAttemptAt = at;
    }

    /**
     * Claimed by a delivery pass until {@code until}: another instance skips it meanwhile, and takes it over
     * after a crash once the lease has run out. Every claim counts as an attempt.
     */
    public void lease(String owner, Instant until) {
        requireStatus(OutboxStatus.PENDING, "lease");
        this.leaseOwner = Objects.requireNonNull(owner);
        this.leaseUntil = Objects.requireNonNull(until);
        this.attempts++;
    }

    /** The CRM answered with success: the record exists under {@code crmId}. */
    public void markDelivered(String crmId, Instant at) {
        requireStatus(OutboxStatus.PENDING, "mark delivered");
        this.status = OutboxStatus.DELIVERED;
        this.crmId = crmId;
        this.deliveredAt = at;
        this.lastErrorCode = null;
        this.lastErrorMessage = null;
        releaseLease();
    }

    /** A transient failure: stays PENDING and becomes due again after {@code backoff}. */
    public void retryLater(java.time.Duration backoff, String code, String message, Instant at) {
        requireStatus(OutboxStatus.PENDING, "retry later");
        this.nextAttemptAt = at.plus(backoff);
        remember(code, message);
        releaseLease();
    }

    /** Gives a claim back without counting it, e.g. when the daily API limit stopped the pass before the call. */
    public void release(Instant at) {
        requireStatus(OutboxStatus.PENDING, "release");
        this.attempts = Math.max(0, attempts - 1);
        this.nextAttemptAt = at;
        releaseLease();
    }

    /** A permanent failure: FAILED with Salesforce's code and message until an admin retries or discards it. */
    public void park(String code, String message) {
        requireStatus(OutboxStatus.PENDING, "park");
        this.status = OutboxStatus.FAILED;
        remember(code, message);
        releaseLease();
    }

    /** An admin sends a FAILED (or waiting) write again at once. */
    public void requeue(Instant at) {
        if (status != OutboxStatus.FAILED && status != OutboxStatus.PENDING) {
            throw new IllegalStateException("A " + status + " write cannot be retried");
        }
        this.status = OutboxStatus.PENDING;
        this.nextAttemptAt = at;
        releaseLease();
    }

    /** An admin gives up on a write that was not delivered. */
    public void discard() {
        if (status != OutboxStatus.FAILED && status != OutboxStatus.PENDING) {
            throw new IllegalStateException("A " + status + " write cannot be discarded");
        }
        this.status = OutboxStatus.DISCARDED;
        releaseLease();
    }

    private void remember(String code, String message) {
        this.lastErrorCode = code == null ? null : truncate(code, 80);
        this.lastErrorMessage = message == null ? null : truncate(message, 2000);
    }

    private void releaseLease() {
        this.leaseOwner = null;
        this.leaseUntil = null;
    }

    private void requireStatus(OutboxStatus expected, String action) {
        if (status != expected) {
            throw new IllegalStateException("Cannot " + action + " a " + status + " write " + id);
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    public Instant leaseUntil() {
        return leaseUntil;
    }

    public String leaseOwner() {
        return leaseOwner;
    }

    public UUID id() {
        return id;
    }

    public OutboxKind kind() {
        return kind;
    }

    public String externalId() {
        return externalId;
    }

    public PlanId planId() {
        return planId;
    }

    public String payload() {
        return payload;
    }

    public OutboxStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastErrorCode() {
        return lastErrorCode;
    }

    public String lastErrorMessage() {
        return lastErrorMessage;
    }

    public String crmId() {
        return crmId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }
}
