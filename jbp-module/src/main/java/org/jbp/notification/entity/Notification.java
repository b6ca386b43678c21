package org.jbp.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jbp.kernel.PlanId;
import org.jbp.kernel.PlanIdConverter;

/**
 * An in-app message for whoever must act next: one user, or everyone holding a role
 * (for partner users, only those of the named account).
 */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    private UUID id;
    @Column(name = "recipient_user")
    private String recipientUser;
    @Column(name = "recipient_role")
    private String recipientRole;
    @Column(name = "recipient_account")
    private String recipientAccount;
    @Column(name = "plan_id")
    @Convert(converter = PlanIdConverter.class)
    private PlanId planId;
    private String kind;
    private String message;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Notification() {
    }

    private Notification(String user, String role, String account, PlanId planId, String kind, String message,
                         Instant at) {
        this.id = UUID.randomUUID();
        this.recipientUser = user;
        this.recipientRole = role;
        this.recipientAccount = account;
        this.planId = planId;
        this.kind = Objects.requireNonNull(kind);
        this.message = message.length() > 2000 ? message.substring(0, 2000) : message;
        this.createdAt = Objects.requireNonNull(at);
    }

    public static Notification toUser(String user, PlanId planId, String kind, String message, Instant at) {
        return new Notification(Objects.requireNonNull(user), null, null, planId, kind, message, at);
    }

    public static Notification toRole(String role, String account, PlanId planId, String kind, String message,
                                      Instant at) {
        return new Notification(null, Objects.requireNonNull(role), account, planId, kind, message, at);
    }

    public UUID id() {
        return id;
    }

    public String recipientUser() {
        return recipientUser;
    }

    public String recipientRole() {
        return recipientRole;
    }

    public String recipientAccount() {
        return recipientAccount;
    }

    public PlanId planId() {
        return planId;
    }

    public String kind() {
        return kind;
    }

    public String message() {
        return message;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
