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
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.jbp.kernel.PlanId;
import org.jbp.kernel.PlanIdConverter;
import org.jbp.kernel.StateConflict;

/**
 * A joint review of an ACTIVE plan, scheduled by the template's cadence. Recording it keeps the notes,
 * decisions and actions, and freezes the KPIs as they stood at that moment.
 */
@Entity
@Table(name = "plan_review")
public class Review {

    @Id
    private UUID id;
    @Column(name = "plan_id")
    @Convert(converter = PlanIdConverter.class)
    private PlanId planId;
    @Column(name = "due_date")
    private LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    private ReviewStatus status;
    private String notes;
    @Column(name = "decisions")
    private String decisionsJson;
    @Column(name = "actions")
    private String actionsJson;
    @Column(name = "kpi_snapshot")
    private String kpiSnapshotJson;
    @Column(name = "completed_by")
    private String completedBy;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "overdue_notified_at")
    private Instant overdueNotifiedAt;
    @Version
    private long version;

    protected Review() {
    }

    public Review(PlanId planId, LocalDate dueDate) {
        this.id = UUID.randomUUID();
        this.planId = Objects.requireNonNull(planId);
        this.dueDate = Objects.requireNonNull(dueDate);
        this.status = ReviewStatus.SCHEDULED;
    }

    public void complete(String notes, String decisionsJson, String actionsJson, String kpiSnapshotJson, String by,
                         Instant at) {
        if (status != ReviewStatus.SCHEDULED) {
            throw new StateConflict("This review was already recorded",
                    java.util.Map.of("reviewStatus", status.name()));
        }
        this.notes = notes;
        this.decisionsJson = decisionsJson;
        this.actionsJson = actionsJson;
        this.kpiSnapshotJson = kpiSnapshotJson;
        this.completedBy = by;
        this.completedAt = at;
        this.status = ReviewStatus.COMPLETED;
    }

    /** The actions of this recorded review as a later review decided them (DONE or carried over). */
    public void actionsDecided(String actionsJson) {
        if (status != ReviewStatus.COMPLETED) {
            throw new IllegalStateException("only a recorded review has actions to decide");
        }
        this.actionsJson = actionsJson;
    }

    public boolean isOverdueUnnoticed(LocalDate today) {
        return status == ReviewStatus.SCHEDULED && dueDate.isBefore(today) && overdueNotifiedAt == null;
    }

    public void overdueNotified(Instant at) {
        overdueNotifiedAt = at;
    }

    public UUID id() {
        return id;
    }

    public PlanId planId() {
        return planId;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public ReviewStatus status() {
        return status;
    }

    public String notes() {
        return notes;
    }

    public String decisionsJson() {
        return decisionsJson;
    }

    public String actionsJson() {
        return actionsJson;
    }

    public String kpiSnapshotJson() {
        return kpiSnapshotJson;
    }

    public String completedBy() {
        return completedBy;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public Instant overdueNotifiedAt() {
        return overdueNotifiedAt;
    }
}
