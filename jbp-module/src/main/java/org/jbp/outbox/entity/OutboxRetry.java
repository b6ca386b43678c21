package org.jbp.outbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An admin sent a write that had stopped back to the CRM. Taken from the write as it stood before the retry, so
 * the error that made the retry necessary is kept even after the write is delivered and forgets it.
 */
@Entity
@Table(name = "crm_outbox_retry")
public class OutboxRetry {

    @Id
    private UUID id;
    @Column(name = "outbox_id")
    private UUID outboxId;
    @Column(name = "retried_by")
    private String retriedBy;
    @Column(name = "retried_at")
    private Instant retriedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "previous_status")
    private OutboxStatus previousStatus;
    private int attempts;
    @Column(name = "error_code")
    private String errorCode;
    @Column(name = "error_message")
    private String errorMessage;

    protected OutboxRetry() {
    }

    /** Records the retry of {@code write} by {@code by}; call before the write is requeued. */
    public OutboxRetry(OutboxEntry write, String by, Instant at) {
        this.id = UUID.randomUUID();
        this.outboxId = write.id();
        this.retriedBy = Objects.requireNonNull(by, "who retried is required");
        this.retriedAt = Objects.requireNonNull(at);
        this.previousStatus = write.status();
        this.attempts = write.attempts();
        this.errorCode = write.lastErrorCode();
        this.errorMessage = write.lastErrorMessage();
    }

    public UUID id() {
        return id;
    }

    public UUID outboxId() {
        return outboxId;
    }

    public String retriedBy() {
        return retriedBy;
    }

    public Instant retriedAt() {
        return retriedAt;
    }

    public OutboxStatus previousStatus() {
        return previousStatus;
    }

    public int attempts() {
        return attempts;
    }

    public String errorCode() {
        return errorCode;
    }

    public String errorMessage() {
        return errorMessage;
    }
}
