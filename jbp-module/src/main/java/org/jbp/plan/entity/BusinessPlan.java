package org.jbp.plan.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jbp.kernel.PartnerAccountId;
import org.jbp.kernel.PartnerAccountIdConverter;
import org.jbp.kernel.PlanId;
import org.jbp.kernel.PlanIdConverter;
import org.jbp.kernel.PlanRef;
import org.jbp.kernel.StateConflict;

/**
 * The joint business plan aggregate: who (partner, owning channel manager), when (period), in which currency,
 * from which template version, and its content (the six sections and vendor commitments).
 * Content changes only through {@link #revise}, which yields the immutable revision to keep.
 */
@Entity
@Table(name = "business_plan")
public class BusinessPlan implements PlanRef {

    @Id
    @Convert(converter = PlanIdConverter.class)
    private PlanId id;
    @Column(name = "partner_account_id")
    @Convert(converter = PartnerAccountIdConverter.class)
    private PartnerAccountId partner;
    @Column(name = "template_id")
    private UUID templateId;
    @Column(name = "template_version")
    private int templateVersion;
    private String currency;
    @Embedded
    private PlanPeriod period;
    @Enumerated(EnumType.STRING)
    private PlanStatus status;
    @Column(name = "owner_id")
    private String ownerId;
    private String title;
    @Column(name = "content")
    private String contentJson;
    @Column(name = "revision")
    private int revision;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "approval_round")
    private int approvalRound;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "approved_at")
    private Instant approvedAt;
    @Column(name = "activated_at")
    private Instant activatedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "closed_by")
    private String closedBy;
    /** The revision first approved: amendments are diffed against it. */
    @Column(name = "baseline_revision")
    private Integer baselineRevision;
    /** Through the converter, which reads a null as no previous plan (EclipseLink 4.0 fails reading a null uuid column into a UUID). */
    @Column(name = "previous_plan_id")
    @Convert(converter = PlanIdConverter.class)
    private PlanId previousPlanId;
    @Column(name = "baseline_actuals")
    private String baselineActualsJson;
    @Column(name = "closing_report")
    private String closingReportJson;
    @Column(name = "vendor_delivered")
    private String vendorDeliveredJson;
    @Version
    private long version;

    @Transient
    private PlanContent content;

    protected BusinessPlan() {
    }

    public BusinessPlan(PartnerAccountId partner, UUID templateId, int templateVersion, String currency,
                        PlanPeriod period, String ownerId, String createdBy, Instant at) {
        this.id = PlanId.random();
        this.partner = Objects.requireNonNull(partner, "partner is required");
        this.templateId = Objects.requireNonNull(templateId, "template is required");
        this.templateVersion = templateVersion;
        this.currency = Objects.requireNonNull(currency, "currency is required");
        this.period = Objects.requireNonNull(period, "period is required");
        this.ownerId = Objects.requireNonNull(ownerId, "owner is required");
        this.createdBy = Objects.requireNonNull(createdBy);
        this.createdAt = Objects.requireNonNull(at);
        this.updatedAt = at;
        this.status = PlanStatus.DRAFT;
    }

    /**
     * Replaces the content with an edited one; only a draft is edited directly (an active plan is amended).
     * Returns the revision that records the change.
     */
    public PlanRevision revise(PlanContent edited, String editedJson, List<String> changedFields,
                               String by, String reason, Instant at) {
        require(PlanStatus.DRAFT, "edit");
        this.content = Objects.requireNonNull(edited);
        this.contentJson = Objects.requireNonNull(editedJson);
        this.title = edited.title();
        this.revision++;
        this.updatedAt = at;
        return new PlanRevision(id, revision, by, at, reason, changedFields, editedJson);
    }

    /** DRAFT to IN_APPROVAL; each submission opens a new approval round. */
    public int submit(Instant at) {
        require(PlanStatus.DRAFT, "submit");
        status = PlanStatus.IN_APPROVAL;
        submittedAt = at;
        updatedAt = at;
        return ++approvalRound;
    }

    /** A revision was requested: back to DRAFT for both sides to edit. */
    public void returnToDraft(Instant at) {
        require(PlanStatus.IN_APPROVAL, "request-revision");
        status = PlanStatus.DRAFT;
        updatedAt = at;
    }

    public void reject(Instant at) {
        require(PlanStatus.IN_APPROVAL, "reject");
        status = PlanStatus.REJECTED;
        updatedAt = at;
    }

    /** The last step approved: the current revision becomes the agreed baseline. */
    public void approve(Instant at) {
        require(PlanStatus.IN_APPROVAL, "approve");
        status = PlanStatus.APPROVED;
        approvedAt = at;
        updatedAt = at;
        if (baselineRevision == null) {
            baselineRevision = revision;
        }
    }

    /** APPROVED becomes ACTIVE when its period has started. */
    public boolean activateIfStarted(java.time.LocalDate today, Instant at) {
        if (status != PlanStatus.APPROVED || today.isBefore(period.start())) {
            return false;
        }
        status = PlanStatus.ACTIVE;
        activatedAt = at;
        updatedAt = at;
        return true;
    }

    /** An amendment of an ACTIVE plan is approved in a round of its own. */
    public int openAmendmentRound() {
        require(PlanStatus.ACTIVE, "amend");
        return ++approvalRound;
    }

    /** An approved amendment becomes the active revision. */
    public PlanRevision applyAmendment(PlanContent amended, String amendedJson, List<String> changedFields,
                                       String by, String reason, Instant at) {
        require(PlanStatus.ACTIVE, "amend");
        this.content = Objects.requireNonNull(amended);
        this.contentJson = Objects.requireNonNull(amendedJson);
        this.title = amended.title();
        this.revision++;
        this.updatedAt = at;
        return new PlanRevision(id, revision, by, at, reason, changedFields, amendedJson);
    }

    /** ACTIVE (or APPROVED whose period never started) to CLOSED, keeping the period-end report. */
    public void close(String by, Instant at, String reportJson, String vendorDelivered) {
        if (status != PlanStatus.ACTIVE && status != PlanStatus.APPROVED) {
            throw illegal("close");
        }
        status = PlanStatus.CLOSED;
        closedAt = at;
        closedBy = by;
        updatedAt = at;
        closingReportJson = reportJson;
        vendorDeliveredJson = vendorDelivered;
    }

    /** A plan made for the next period from this one's actuals. */
    public void continues(BusinessPlan previous, String previousActualsJson) {
        this.previousPlanId = previous.id();
        this.baselineActualsJson = previousActualsJson;
    }

    private void require(PlanStatus expected, String action) {
        if (status != expected) {
            throw illegal(action);
        }
    }

    private IllegalTransition illegal(String action) {
        return new IllegalTransition(action, status);
    }

    /**
     * An action the plan's status does not allow: 409 with the status and the action, and through the plan
     * resources' {@code LifecycleGuard} with what the caller may do instead.
     */
    public static class IllegalTransition extends StateConflict {
        private final String action;
        private final PlanStatus status;

        public IllegalTransition(String action, PlanStatus status) {
            super("A " + status + " plan cannot " + action, java.util.Map.of("status", status.name(), "action", action));
            this.action = action;
            this.status = status;
        }

        public String action() {
            return action;
        }

        public PlanStatus status() {
            return status;
        }
    }

    /** Set by the repository after loading, from the stored JSON. */
    public void attach(PlanContent parsed) {
        this.content = parsed;
    }

    @Override
    public PlanId id() {
        return id;
    }

    @Override
    public PartnerAccountId partner() {
        return partner;
    }

    public UUID templateId() {
        return templateId;
    }

    public int templateVersion() {
        return templateVersion;
    }

    public String currency() {
        return currency;
    }

    public PlanPeriod period() {
        return period;
    }

    public PlanStatus status() {
        return status;
    }

    public String ownerId() {
        return ownerId;
    }

    public String title() {
        return title;
    }

    public PlanContent content() {
        return content;
    }

    public String contentJson() {
        return contentJson;
    }

    public int revision() {
        return revision;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    public int approvalRound() {
        return approvalRound;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public Instant activatedAt() {
        return activatedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String closedBy() {
        return closedBy;
    }

    public Integer baselineRevision() {
        return baselineRevision;
    }

    public PlanId previousPlanId() {
        return previousPlanId;
    }

    public String baselineActualsJson() {
        return baselineActualsJson;
    }

    public String closingReportJson() {
        return closingReportJson;
    }

    public String vendorDeliveredJson() {
        return vendorDeliveredJson;
    }
}
