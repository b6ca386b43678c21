package org.jbp.plan.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jbp.kernel.PlanId;
import org.jbp.kernel.PlanIdConverter;

/** A comment on a section of a plan; a reply names the comment that opened its thread. */
@Entity
@Table(name = "plan_comment")
public class PlanComment {

    @Id
    private UUID id;
    @Column(name = "plan_id")
    @Convert(converter = PlanIdConverter.class)
    private PlanId planId;
    /** What a thread may be about: one of the six sections, the vendor commitments, or the plan as a whole. */
    public static final List<String> TOPICS = List.of("profile", "revenue", "campaigns", "certifications", "coSell",
            "kpis", "vendorCommitments", "general");

    private String section;
    /** Kept as text: EclipseLink 4.0 fails reading a null uuid column into a UUID. */
    @Column(name = "thread_id")
    private String threadId;
    @Column(name = "author_id")
    private String authorId;
    @Column(name = "author_name")
    private String authorName;
    private String body;
    @Column(name = "created_at")
    private Instant createdAt;

    protected PlanComment() {
    }

    private PlanComment(PlanId planId, String section, UUID threadId, String authorId, String authorName,
                        String body, Instant at) {
        this.id = UUID.randomUUID();
        this.planId = Objects.requireNonNull(planId);
        this.section = section;
        this.threadId = threadId == null ? null : threadId.toString();
        this.authorId = Objects.requireNonNull(authorId);
        this.authorName = authorName;
        this.body = Objects.requireNonNull(body);
        this.createdAt = Objects.requireNonNull(at);
    }

    public static PlanComment openThread(PlanId planId, String section, String authorId, String authorName,
                                         String body, Instant at) {
        return new PlanComment(planId, Objects.requireNonNull(section, "section is required"), null,
                authorId, authorName, body, at);
    }

    /** A reply lives in the thread of the comment it answers, on the same section. */
    public PlanComment reply(String authorId, String authorName, String body, Instant at) {
        return new PlanComment(planId, section, threadId == null ? id : threadId(), authorId, authorName, body, at);
    }

    public UUID id() {
        return id;
    }

    public PlanId planId() {
        return planId;
    }

    public String section() {
        return section;
    }

    /** The comment that opened the thread, or null when this comment opened it. */
    public UUID threadId() {
        return threadId == null ? null : UUID.fromString(threadId);
    }

    public String authorId() {
        return authorId;
    }

    public String authorName() {
        return authorName;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
