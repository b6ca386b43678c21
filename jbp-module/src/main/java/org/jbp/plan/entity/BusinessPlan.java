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
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jbp.partner.entity.PartnerAccountId;
import org.jbp.partner.entity.PartnerAccountIdConverter;
import org.jbp.platform.ProblemException;

/**
 * The joint business plan aggregate: who (partner, owning channel manager), when (period), in which currency,
 * from which template version, and its content (the six sections and vendor commitments).
 * Content changes only through {@link #revise}, which yields the immutable revision to keep.
 */
@Entity
@Table(name = "business_plan")
public class BusinessPlan {

    @Id
    private UUID id;
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
    @Version
    private long version;

    @Transient
    private PlanContent content;

    protected BusinessPlan() {
    }

    public BusinessPlan(PartnerAccountId partner, UUID templateId, int templateVersion, String currency,
                        PlanPeriod period, String ownerId, String createdBy, Instant at) {
        this.id = UUID.randomUUID();
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
        if (status != PlanStatus.DRAFT) {
            throw ProblemException.conflict("Only a DRAFT plan can be edited; this plan is " + status,
                    Map.of("status", status.name()));
        }
        this.content = Objects.requireNonNull(edited);
        this.contentJson = Objects.requireNonNull(editedJson);
        this.title = edited.title();
        this.revision++;
        this.updatedAt = at;
        return new PlanRevision(id, revision, by, at, reason, changedFields, editedJson);
    }

    /** Set by the repository after loading, from the stored JSON. */
    public void attach(PlanContent parsed) {
        this.content = parsed;
    }

    public UUID id() {
        return id;
    }

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
}
