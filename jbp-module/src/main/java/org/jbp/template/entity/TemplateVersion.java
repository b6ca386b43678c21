package org.jbp.template.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One immutable version of a template. Editing a template adds a version; plans keep pointing at
 * the version they were made from, so changing a template never changes an agreed plan.
 */
@Entity
@Table(name = "template_version")
public class TemplateVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "template_id")
    private UUID templateId;
    private int version;
    private String name;
    @Column(name = "plan_type")
    private String planType;
    @Column(name = "definition")
    private String definitionJson;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "created_by")
    private String createdBy;

    @Transient
    private TemplateDefinition definition;

    protected TemplateVersion() {
    }

    private TemplateVersion(UUID templateId, int version, TemplateDefinition definition, String definitionJson,
                            String by, Instant at) {
        this.templateId = Objects.requireNonNull(templateId);
        this.version = version;
        this.definition = Objects.requireNonNull(definition);
        this.definitionJson = Objects.requireNonNull(definitionJson);
        this.name = definition.name();
        this.planType = definition.planType().name();
        this.createdBy = Objects.requireNonNull(by);
        this.createdAt = Objects.requireNonNull(at);
    }

    public static TemplateVersion first(TemplateDefinition definition, String json, String by, Instant at) {
        return new TemplateVersion(UUID.randomUUID(), 1, definition, json, by, at);
    }

    public TemplateVersion next(TemplateDefinition definition, String json, String by, Instant at) {
        return new TemplateVersion(templateId, version + 1, definition, json, by, at);
    }

    public UUID templateId() {
        return templateId;
    }

    public int version() {
        return version;
    }

    public String definitionJson() {
        return definitionJson;
    }

    /** Set by the repository after loading, from the stored JSON. */
    public void attach(TemplateDefinition parsed) {
        this.definition = parsed;
    }

    public TemplateDefinition definition() {
        return definition;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
