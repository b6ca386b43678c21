package org.jbp.plan.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jbp.kernel.PlanId;
import org.jbp.kernel.PlanIdConverter;

/** An immutable snapshot of a plan's content after one saved change: who, when, why, which fields. */
@Entity
@Table(name = "plan_revision")
public class PlanRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "plan_id")
    @Convert(converter = PlanIdConverter.class)
    private PlanId planId;
    private int number;
    private String author;
    @Column(name = "created_at")
    private Instant at;
    private String reason;
    /** Changed JSON paths, newline-separated: paths never contain newlines. */
    @Column(name = "changed_fields")
    private String changedFields;
    @Column(name = "snapshot")
    private String snapshotJson;

    protected PlanRevision() {
    }

    PlanRevision(PlanId planId, int number, String author, Instant at, String reason, List<String> changedFields,
                 String snapshotJson) {
        this.planId = planId;
        this.number = number;
        this.author = author;
        this.at = at;
        this.reason = reason;
        this.changedFields = String.join("\n", changedFields);
        this.snapshotJson = snapshotJson;
    }

    public PlanId planId() {
        return planId;
    }

    public int number() {
        return number;
    }

    public String author() {
        return author;
    }

    public Instant at() {
        return at;
    }

    public String reason() {
        return reason;
    }

    public List<String> changedFields() {
        return changedFields == null || changedFields.isEmpty() ? List.of() : Arrays.asList(changedFields.split("\n"));
    }

    public String snapshotJson() {
        return snapshotJson;
    }
}
