package org.jbp.approval.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jbp.kernel.PlanId;
import org.jbp.kernel.PlanIdConverter;
import org.jbp.kernel.StateConflict;

/**
 * One step of a plan's (or an amendment's) approval chain in one round. Decided once, with who, when and why;
 * a step past its SLA is escalated to the template's escalation role, who may then decide it too.
 */
@Entity
@Table(name = "approval_step")
public class ApprovalStep {

    @Id
    private UUID id;
    @Column(name = "plan_id")
    @Convert(converter = PlanIdConverter.class)
    private PlanId planId;
    /** Text, not uuid: EclipseLink 4.0 fails reading a null uuid column into a UUID. */
    @Column(name = "amendment_id")
    private String amendmentId;
    private int round;
    private int position;
    @Enumerated(EnumType.STRING)
    private StepKind kind;
    private String name;
    @Column(name = "approver_role")
    private String approverRole;
    @Column(name = "approver_user")
    private String approverUser;
    @Column(name = "sla_hours")
    private int slaHours;
    @Enumerated(EnumType.STRING)
    private StepStatus status;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_by_name")
    private String decidedByName;
    @Column(name = "decided_at")
    private Instant decidedAt;
    private String reason;
    @Column(name = "escalated_at")
    private Instant escalatedAt;
    @Column(name = "escalated_to")
    private String escalatedTo;
    @Version
    private long version;

    protected ApprovalStep() {
    }

    public ApprovalStep(PlanId planId, UUID amendmentId, int round, int position, StepKind kind, String name,
                        String approverRole, String approverUser, int slaHours) {
        this.id = UUID.randomUUID();
        this.planId = Objects.requireNonNull(planId);
        this.amendmentId = amendmentId == null ? null : amendmentId.toString();
        this.round = round;
        this.position = position;
        this.kind = Objects.requireNonNull(kind);
        this.name = Objects.requireNonNull(name);
        this.approverRole = approverRole;
        this.approverUser = approverUser;
        this.slaHours = slaHours;
        this.status = StepStatus.WAITING;
    }

    /** The step becomes the one to decide now; its SLA clock starts. */
    public void open(Instant at) {
        if (status != StepStatus.WAITING) {
            throw new IllegalStateException("step " + id + " is " + status);
        }
        status = StepStatus.PENDING;
        openedAt = at;
        dueAt = at.plus(Duration.ofHours(slaHours));
    }

    public void decide(Decision decision, String by, String byName, String why, Instant at) {
        if (status != StepStatus.PENDING) {
            throw new StateConflict("Step '" + name + "' is " + status
                            + (decidedBy == null ? "" : ", decided by " + decidedBy + " at " + decidedAt),
                    java.util.Map.of("stepStatus", status.name()));
        }
        status = decision.outcome();
        decidedBy = by;
        decidedByName = byName;
        decidedAt = at;
        reason = why;
    }

    /** The chain stopped before reaching this step. */
    public void skip() {
        if (!status.isDecided()) {
            status = StepStatus.SKIPPED;
        }
    }

    public boolean isOverdue(Instant now) {
        return status == StepStatus.PENDING && dueAt != null && now.isAfter(dueAt) && escalatedAt == null;
    }

    public void escalate(String toRole, Instant at) {
        escalatedAt = at;
        escalatedTo = toRole;
    }

    public UUID id() {
        return id;
    }

    public PlanId planId() {
        return planId;
    }

    public UUID amendmentId() {
        return amendmentId == null ? null : UUID.fromString(amendmentId);
    }

    public int round() {
        return round;
    }

    public int position() {
        return position;
    }

    public StepKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public String approverRole() {
        return approverRole;
    }

    public String approverUser() {
        return approverUser;
    }

    public int slaHours() {
        return slaHours;
    }

    public StepStatus status() {
        return status;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public String decidedByName() {
        return decidedByName;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String reason() {
        return reason;
    }

    public Instant escalatedAt() {
        return escalatedAt;
    }

    public String escalatedTo() {
        return escalatedTo;
    }

    public boolean isEscalated() {
        return escalatedAt != null;
    }
}
