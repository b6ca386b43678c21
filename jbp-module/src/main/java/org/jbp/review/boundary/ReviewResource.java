package org.jbp.review.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jbp.kernel.PlanId;
import org.jbp.people.control.UserDirectory;
import org.jbp.plan.boundary.LifecycleGuard;
import org.jbp.plan.entity.Review;
import org.jbp.plan.entity.ReviewAction;
import org.jbp.plan.entity.ReviewActionRules;
import org.jbp.platform.JsonInput;
import org.jbp.review.control.ReviewService;
import org.jbp.security.Roles;

/** Joint reviews of an ACTIVE plan: scheduled by the template's cadence, recorded with a KPI snapshot. */
@Path("plans/{id}/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
public class ReviewResource {

    @Inject
    ReviewService reviews;
    @Inject
    LifecycleGuard guard;
    @Inject
    JsonInput input;
    @Inject
    UserDirectory directory;

    /** An action agreed in the review; {@code status} OPEN unless it was done on the spot. */
    public record ActionInput(@NotBlank @Size(max = 500) String description,
                              @NotNull @Pattern(regexp = "VENDOR|PARTNER", message = "must be VENDOR or PARTNER") String ownerSide,
                              @Size(max = 120) String owner, @NotNull LocalDate dueDate,
                              @Pattern(regexp = "OPEN|DONE", message = "must be OPEN or DONE") String status) {
        ReviewAction toAction() {
            return ReviewAction.agreed(description.trim(), ReviewAction.OwnerSide.valueOf(ownerSide),
                    owner == null || owner.isBlank() ? null : owner.trim(), dueDate,
                    status == null ? null : ReviewAction.Status.valueOf(status));
        }
    }

    /** The decision on the previous review's open action at position {@code action}. */
    public record PreviousActionInput(@NotNull Integer action,
                                      @NotNull @Pattern(regexp = "DONE|CARRIED_OVER", message = "must be DONE or CARRIED_OVER")
                                      String status) {
    }

    public record ReviewInput(@NotBlank @Size(max = 10_000) String notes,
                              @Size(max = 50) List<@NotBlank @Size(max = 1000) String> decisions,
                              @Size(max = 50) List<@Valid @NotNull ActionInput> actions,
                              @Size(max = 200) List<@Valid @NotNull PreviousActionInput> previousActions) {
    }

    public record ReviewView(UUID id, LocalDate dueDate, String status, String notes, JsonValue decisions,
                             JsonValue actions, JsonValue kpiSnapshot, String completedBy, String completedByName,
                             Instant completedAt, Instant overdueNotifiedAt) {
        static ReviewView of(Review r, Map<String, String> names) {
            return new ReviewView(r.id(), r.dueDate(), r.status().name(), r.notes(), json(r.decisionsJson()),
                    json(r.actionsJson()), json(r.kpiSnapshotJson()), r.completedBy(), names.get(r.completedBy()),
                    r.completedAt(), r.overdueNotifiedAt());
        }

        private static JsonValue json(String text) {
            if (text == null) {
                return null;
            }
            try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
                return reader.readValue();
            }
        }
    }

    /** The workspace before recording: the KPIs now beside their targets and pace, and what is still open. */
    public record WorkspaceView(LocalDate dueDate, ReviewService.KpiSnapshot kpiSnapshot, ReviewView previousReview,
                                List<ReviewService.OpenAction> openActions) {
    }

    @GET
    @Operation(summary = "Scheduled and recorded reviews, by due date")
    public List<ReviewView> list(@PathParam("id") PlanId id) {
        return views(reviews.list(id), directory);
    }

    /** The reviews as {@code GET /plans/{id}/reviews} shows them, with the names of those who held them. */
    public static List<ReviewView> views(List<Review> all, UserDirectory directory) {
        Map<String, String> names = directory.names(all.stream().map(Review::completedBy)
                .filter(java.util.Objects::nonNull).toList());
        return all.stream().map(r -> ReviewView.of(r, names)).toList();
    }

    @GET
    @Path("next")
    @Operation(summary = "The next review's workspace: KPIs with target, actual, expected by today and status; "
            + "the previous review and its open actions, each of which the next review marks DONE or CARRIED_OVER")
    public WorkspaceView next(@PathParam("id") PlanId id) {
        PlanId planId = id;
        ReviewService.Workspace w = guard.run(planId, () -> reviews.workspace(planId));
        Review previous = w.previous();
        return new WorkspaceView(w.dueDate(), w.snapshot(), previous == null ? null : ReviewView.of(previous,
                directory.names(java.util.Collections.singletonList(previous.completedBy()))), w.openActions());
    }

    @POST
    @Operation(summary = "Record the next due review with notes, decisions and actions (owner side, due date, status) "
            + "and a decision (DONE or CARRIED_OVER) on every open action of the previous review; the KPIs are frozen with it")
    public Response record(@PathParam("id") PlanId id, String body) {
        PlanId planId = id;
        ReviewInput in = input.bind(body, ReviewInput.class);
        List<ReviewAction> actions = in.actions() == null ? List.of()
                : in.actions().stream().map(ActionInput::toAction).toList();
        List<ReviewActionRules.Decision> onPrevious = in.previousActions() == null ? List.of()
                : in.previousActions().stream().map(d -> new ReviewActionRules.Decision(d.action(),
                ReviewAction.Status.valueOf(d.status()))).toList();
        Review review = guard.run(planId, () -> reviews.record(planId, in.notes(),
                in.decisions() == null ? List.of() : in.decisions(), actions, onPrevious));
        return Response.status(Response.Status.CREATED).entity(ReviewView.of(review,
                directory.names(java.util.Collections.singletonList(review.completedBy())))).build();
    }

}
