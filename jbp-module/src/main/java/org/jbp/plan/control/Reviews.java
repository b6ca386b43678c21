package org.jbp.plan.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jbp.kernel.PlanId;
import org.jbp.plan.entity.Review;
import org.jbp.plan.entity.ReviewAction;
import org.jbp.plan.entity.ReviewStatus;

/** A plan's reviews as stored, and their actions read from the review's JSON; read by the workspace and the report. */
@ApplicationScoped
public class Reviews {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @PersistenceContext(unitName = "jbp")
    EntityManager em;

    public List<Review> of(PlanId planId) {
        return em.createQuery("select r from Review r where r.planId = :plan order by r.dueDate, r.id", Review.class)
                .setParameter("plan", planId).getResultList();
    }

    /** The review recorded last: the one whose open actions the next review decides on. */
    public Optional<Review> lastRecorded(PlanId planId) {
        return of(planId).stream().filter(r -> r.status() == ReviewStatus.COMPLETED && r.completedAt() != null)
                .max(java.util.Comparator.comparing(Review::completedAt));
    }

    public static List<ReviewAction> actions(Review review) {
        return actions(review.actionsJson());
    }

    static List<ReviewAction> actions(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        return Arrays.asList(JSONB.fromJson(json, ReviewAction[].class));
    }

    public static List<String> decisions(Review review) {
        if (review.decisionsJson() == null || review.decisionsJson().isBlank()) {
            return List.of();
        }
        return Arrays.asList(JSONB.fromJson(review.decisionsJson(), String[].class));
    }

    public static String json(Object value) {
        return JSONB.toJson(value);
    }
}
