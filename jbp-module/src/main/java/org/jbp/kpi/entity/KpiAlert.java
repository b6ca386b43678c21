package org.jbp.kpi.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import jakarta.persistence.Convert;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.jbp.kernel.PlanId;
import org.jbp.kernel.PlanIdConverter;

/**
 * A metric of a plan fell below its alert threshold of the expected pace. At most one is OPEN per plan and metric
 * (a partial unique index holds that also under concurrent evaluation), whether a KPI, a revenue target or both
 * read that metric; {@code kpiKey} names the line it shows. It closes itself when the metric recovers.
 */
@Entity
@Table(name = "kpi_alert")
public class KpiAlert {

    @Id
    private UUID id;
    @Column(name = "plan_id")
    @Convert(converter = PlanIdConverter.class)
    private PlanId planId;
    @Column(name = "kpi_key")
    private String kpiKey;
    private String metric;
    @Enumerated(EnumType.STRING)
    private KpiAlertStatus status;
    @Column(name = "opened_at")
    private Instant openedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    private BigDecimal threshold;
    @Column(name = "pace_percent")
    private BigDecimal pacePercent;
    private BigDecimal actual;
    private BigDecimal expected;
    // nullable uuid: EclipseLink in Payara binds it reliably only as text
    @Column(name = "review_id")
    private String reviewId;
    private String message;
    @Version
    private long version;

    protected KpiAlert() {
    }

    public KpiAlert(PlanId planId, String kpiKey, String metric, BigDecimal threshold, BigDecimal pacePercent,
                    BigDecimal actual, BigDecimal expected, String message, Instant at) {
        this.id = UUID.randomUUID();
        this.planId = Objects.requireNonNull(planId, "plan is required");
        this.kpiKey = Objects.requireNonNull(kpiKey, "KPI key is required");
        this.metric = Objects.requireNonNull(metric, "metric is required");
        this.threshold = Objects.requireNonNull(threshold, "threshold is required");
        this.pacePercent = pacePercent;
        this.actual = actual;
        this.expected = expected;
        this.message = bounded(message);
        this.openedAt = Objects.requireNonNull(at);
        this.status = KpiAlertStatus.OPEN;
    }

    /** The latest figures of a metric that stays below its threshold, from the line now furthest behind. */
    public void stillBelow(String lineKey, BigDecimal newPace, BigDecimal newActual, BigDecimal newExpected,
                           String newMessage) {
        this.kpiKey = Objects.requireNonNull(lineKey, "KPI key is required");
        this.pacePercent = newPace;
        this.actual = newActual;
        this.expected = newExpected;
        this.message = bounded(newMessage);
    }

    private static String bounded(String message) {
        Objects.requireNonNull(message, "message is required");
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    public void promptedReview(UUID review) {
        this.reviewId = review == null ? null : review.toString();
    }

    public void recovered(Instant at) {
        if (status != KpiAlertStatus.OPEN) {
            throw new IllegalStateException("alert " + id + " is not open");
        }
        this.status = KpiAlertStatus.CLOSED;
        this.closedAt = at;
    }

    public boolean isOpen() {
        return status == KpiAlertStatus.OPEN;
    }

    public UUID id() {
        return id;
    }

    public PlanId planId() {
        return planId;
    }

    public String kpiKey() {
        return kpiKey;
    }

    public String metric() {
        return metric;
    }

    public KpiAlertStatus status() {
        return status;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public BigDecimal threshold() {
        return threshold;
    }

    public BigDecimal pacePercent() {
        return pacePercent;
    }

    public BigDecimal actual() {
        return actual;
    }

    public BigDecimal expected() {
        return expected;
    }

    public String reviewId() {
        return reviewId;
    }

    public String message() {
        return message;
    }
}
