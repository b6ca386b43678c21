package org.jbp.plan.entity;

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
import org.jbp.kernel.StateConflict;

/**
 * A proposed change to an ACTIVE plan, with its rationale. It goes through the approval chain and,
 * once approved, becomes the plan's active revision; until then the agreed plan stays as it was.
 */
@Entity
@Table(name = "plan_amendment")
public class Amendment {

    @Id
    private UUID id;
    @Column(name = "plan_id")
    @Convert(converter = PlanIdConverter.class)
    private PlanId planId;
    private String rationale;
    @Column(name = "proposed_content")
    private String proposedContentJson;
    @Column(name = "base_revision")
    private int baseRevision;
    @Enumerated(EnumType.STRING)
    private AmendmentStatus status;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "applied_revision")
    private Integer appliedRevision;
    @Version
    private long version;

    protected Amendment() {
    }

    public Amendment(PlanId planId, String rationale, String proposedContentJson, int baseRevision, String by,
                     Instant at) {
        this.id = UUID.randomUUID();
        this.planId = Objects.requireNonNull(planId);
        this.rationale = Objects.requireNonNull(rationale);
        this.proposedContentJson = Objects.requireNonNull(proposedContentJson);
        this.baseRevision = baseRevision;
        this.status = AmendmentStatus.IN_APPROVAL;
        this.createdBy = Objects.requireNonNull(by);
        this.createdAt = Objects.requireNonNull(at);
    }

    /** Its chain approved it: the plan's content now holds it as {@code revision}. */
    public void applied(int revision, Instant at) {
        requireInApproval("apply");
        status = AmendmentStatus.APPROVED;
        appliedRevision = revision;
        decidedAt = at;
    }

    public void sentBack(Instant at) {
        requireInApproval("send back");
        status = AmendmentStatus.REVISION_REQUESTED;
        decidedAt = at;
    }

    public void refused(Instant at) {
        requireInApproval("reject");
        status = AmendmentStatus.REJECTED;
        decidedAt = at;
    }

    /** An amendment is decided once, by the one chain opened for it. */
    private void requireInApproval(String action) {
        if (status != AmendmentStatus.IN_APPROVAL) {
            throw new StateConflict("A " + status + " amendment cannot " + action,
                    java.util.Map.of("amendmentStatus", status.name()));
        }
    }

    public UUID id() {
        return id;
    }

    public PlanId planId() {
        return planId;
    }

    public String rationale() {
        return rationale;
    }

    public String proposedContentJson() {
        return proposedContentJson;
    }

    public int baseRevision() {
        return baseRevision;
    }

    public AmendmentStatus status() {
        return status;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public Integer appliedRevision() {
        return appliedRevision;
    }
}
