package org.jbp.canvas.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jbp.approval.boundary.ApprovalResource;
import org.jbp.approval.control.ApprovalService;
import org.jbp.approval.control.ApprovalWorkflow;
import org.jbp.approval.entity.ApprovalStep;
import org.jbp.kernel.PlanId;
import org.jbp.kpi.boundary.AlertResource;
import org.jbp.kpi.control.KpiAlerts;
import org.jbp.kpi.control.KpiDashboards;
import org.jbp.people.control.UserDirectory;
import org.jbp.plan.boundary.CommentResource;
import org.jbp.plan.boundary.PlanView;
import org.jbp.plan.boundary.PlanViews;
import org.jbp.plan.boundary.RevisionResource;
import org.jbp.plan.control.PlanService;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.report.control.BurnUp;
import org.jbp.report.control.BurnUps;
import org.jbp.review.boundary.ReviewResource;
import org.jbp.review.control.ReviewService;
import org.jbp.security.Roles;
import org.jbp.template.boundary.TemplateResource;

/**
 * What the plan tab shows when it opens a plan, in one response: the platform's cost per request (the JWT check,
 * CDI, JAX-RS) outweighs what any one of the eight reads does (issue 16, bench/README.md). The plan is read and
 * its access checked once, as {@code GET /plans/{id}} does, and every part is the same view its own endpoint
 * answers with, built by that endpoint's code; those endpoints stay for integrators and for the tab's refreshes.
 */
@Path("plans/{id}/tab")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
public class PlanTabResource {

    @Inject
    PlanService plans;
    @Inject
    PlanViews planViews;
    @Inject
    ApprovalService approvals;
    @Inject
    ApprovalWorkflow workflow;
    @Inject
    KpiDashboards dashboards;
    @Inject
    KpiAlerts alerts;
    @Inject
    ReviewService reviews;
    @Inject
    BurnUps burnUps;
    @Inject
    UserDirectory directory;
    @Inject
    Clock clock;

    /**
     * Each part as its own endpoint answers: {@code plan} as {@code GET /plans/{id}}, {@code template} as
     * {@code GET /templates/{id}?version=} for the version the plan names, then {@code /approvals},
     * {@code /comments}, {@code /revisions}, {@code /dashboard}, {@code /alerts}, {@code /reviews} and
     * {@code /burn-up} of the plan.
     */
    public record PlanTab(PlanView plan, TemplateResource.TemplateView template,
                          List<ApprovalResource.StepView> approvals, List<CommentResource.Thread> comments,
                          List<RevisionResource.RevisionView> revisions, KpiDashboards.Dashboard dashboard,
                          List<AlertResource.AlertView> alerts, List<ReviewResource.ReviewView> reviews,
                          List<BurnUp> burnUp) {
    }

    @GET
    @Operation(summary = "Everything the plan tab shows of a plan in one read: the plan, its template version, "
            + "approvals, comments, revisions, dashboard, alerts, reviews and burn-up, each as its own endpoint "
            + "answers; the ETag is the plan's version, as on GET /plans/{id}")
    @APIResponse(responseCode = "200", description = "The plan's tab; ETag: the plan's version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanTab.class)))
    @APIResponse(responseCode = "404", description = "No such plan, or one the caller may not see (problem+json)")
    public Response open(@PathParam("id") PlanId id) {
        BusinessPlan plan = plans.visible(id);
        // the burn-up draws on the dashboard: drawn once for both
        KpiDashboards.Dashboard dashboard = dashboards.of(plan);
        // the pending step the plan view names is one of the chain's: the steps are read once for both
        List<ApprovalStep> chain = approvals.chain(plan);
        PlanTab tab = new PlanTab(planViews.of(plan, workflow.stateOf(plan, chain)),
                TemplateResource.view(plans.templateOf(plan), directory),
                ApprovalResource.views(chain, clock.instant(), directory),
                CommentResource.threads(plans.comments(plan), null, directory),
                RevisionResource.views(plans.revisions(plan), directory),
                dashboard,
                AlertResource.openFirst(alerts.history(plan.id())),
                ReviewResource.views(reviews.list(plan), directory),
                burnUps.of(plan, dashboard));
        return Response.ok(tab).tag(PlanViews.etag(plan)).build();
    }
}
