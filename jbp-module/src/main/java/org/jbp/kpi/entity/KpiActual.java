package org.jbp.kpi.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import jakarta.persistence.Convert;
import org.jbp.kernel.PlanId;
import org.jbp.kernel.PlanIdConverter;

/**
 * One recorded value of a metric for a plan: for the whole period (quarter 0) or one quarter of it.
 * Rows are never updated; the newest per plan, metric and quarter is the current actual, the rest is its history.
 * Metrics are the CRM mapping's source keys, with an optional breakdown: {@code certifications_completed(TECHNICAL)}.
 */
@Entity
@Table(name = "kpi_actual")
public class KpiActual {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "plan_id")
    @Convert(converter = PlanIdConverter.class)
    private PlanId planId;
    private String metric;
    private int quarter;
    private BigDecimal value;
    private String source;
    @Column(name = "recorded_at")
    private Instant recordedAt;
    @Column(name = "recorded_by")
    private String recordedBy;

    protected KpiActual() {
    }

    public KpiActual(PlanId planId, String metric, int quarter, BigDecimal value, String source, String by, Instant at) {
        this.planId = Objects.requireNonNull(planId);
        this.metric = Objects.requireNonNull(metric);
        this.quarter = quarter;
        this.value = Objects.requireNonNull(value);
        this.source = Objects.requireNonNull(source);
        this.recordedBy = Objects.requireNonNull(by);
        this.recordedAt = Objects.requireNonNull(at);
    }

    public PlanId planId() {
        return planId;
    }

    public String metric() {
        return metric;
    }

    public int quarter() {
        return quarter;
    }

    public BigDecimal value() {
        return value;
    }

    public String source() {
        return source;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
