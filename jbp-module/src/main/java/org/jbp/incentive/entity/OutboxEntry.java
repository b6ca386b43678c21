package org.jbp.incentive.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

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
    private UUID planId;
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
    @Version
    private long version;

    protected OutboxEntry() {
    }

    public OutboxEntry(OutboxKind kind, String externalId, UUID planId, String payload, Instant at) {
        this.id = UUID.randomUUID();
        this.kind = Objects.requireNonNull(kind);
        this.externalId = Objects.requireNonNull(externalId);
        this.planId = planId;
        this.payload = Objects.requireNonNull(payload);
        this.status = OutboxStatus.PENDING;
        this.createdAt = Objects.requireNonNull(at);
        this.nextAttemptAt = at;
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

    public UUID planId() {
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
