package org.jbp.plan.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jbp.kernel.PartnerAccountId;
import org.jbp.plan.control.ClosingService;
import org.jbp.plan.control.PlanService;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.PlanContent;
import org.jbp.plan.entity.PlanSections;
import org.jbp.plan.entity.PlanStatus;
import org.jbp.plan.entity.VendorDelivered;
import org.jbp.platform.JsonInput;
import org.jbp.platform.ProblemException;
import org.jbp.platform.QueryParams;
import org.jbp.security.Roles;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jbp.kernel.PlanId;

/** Joint business plans: create, read, edit collaboratively with optimistic concurrency. */
@Path("plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json", MediaType.WILDCARD})
@RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
public class PlanResource {

    @Inject
    PlanService service;
    @Inject
    PlanListing listing;
    @Inject
    LifecycleGuard guard;
    @Inject
    PlanViews views;
    @Inject
    ClosingService closing;
    @Inject
    JsonInput input;
    @Context
    UriInfo uri;

    @POST
    @Operation(summary = "Create a DRAFT plan for a partner from a template")
    public Response create(@RequestBody(required = true) String body) {
        NewPlanInput in = input.bind(body, NewPlanInput.class);
        String idProblem = PartnerAccountId.problemWith(in.partnerAccountId());
        if (idProblem != null) {
            throw ProblemException.invalid("partnerAccountId", idProblem);
        }
        PlanContent content = new PlanContent(in.title(),
                in.sections() == null ? PlanSections.empty() : in.sections(), in.vendorCommitments());
        BusinessPlan plan = service.create(new PlanService.NewPlan(PartnerAccountId.of(in.partnerAccountId()),
                in.templateId(), in.templateVersion(), in.currency(), in.period().toPeriod(service.fiscalYearStartMonth()),
                in.ownerId(), content));
        return Response.created(uri.getAbsolutePathBuilder().path(plan.id().toString()).build())
                .tag(etag(plan)).entity(view(plan)).build();
    }

    @GET
    @Operation(summary = "Plans visible to the caller, filtered by partner, status and period")
    public List<PlanView.Summary> list(@QueryParam("partner") String partner,
                                       @QueryParam("status") String status,
                                       @QueryParam("fiscalYear") Integer fiscalYear,
                                       @QueryParam("quarter") Integer quarter,
                                       @QueryParam("activeOn") String activeOn,
                                       @QueryParam("offset") @DefaultValue("0") int offset,
                                       @QueryParam("limit") @DefaultValue("100") int limit) {
        if (offset < 0) {
            throw ProblemException.invalid("offset", "must not be negative");
        }
        if (limit < 1 || limit > 500) {
            throw ProblemException.invalid("limit", "must be between 1 and 500");
        }
        PartnerAccountId partnerId = null;
        if (partner != null) {
            String problem = PartnerAccountId.problemWith(partner);
            if (problem != null) {
                throw ProblemException.invalid("partner", problem);
            }
            partnerId = PartnerAccountId.of(partner);
        }
        return listing.search(partnerId, QueryParams.enumValue("status", status, PlanStatus.class), fiscalYear,
                quarter, QueryParams.date("activeOn", activeOn), offset, limit);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A plan with its six sections; the ETag is its version")
    public Response get(@PathParam("id") PlanId id) {
        BusinessPlan plan = service.visible(id);
        return Response.ok(view(plan)).tag(etag(plan)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "Edit a DRAFT plan with a JSON merge patch of title, sections and vendorCommitments; "
            + "If-Match with the ETag is required")
    @APIResponse(responseCode = "412", description = "Stale If-Match: problem+json with currentVersion")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response patch(@PathParam("id") PlanId id, @HeaderParam("If-Match") String ifMatch,
                          @HeaderParam("X-Change-Reason") String reason,
                          @RequestBody(required = true) String body) {
        PlanId planId = id;
        if (ifMatch == null || ifMatch.isBlank()) {
            service.visible(planId);
            throw ProblemException.preconditionRequired();
        }
        long expected = parseVersion(ifMatch);
        if (reason != null && reason.length() > 500) {
            throw ProblemException.invalid("X-Change-Reason", "at most 500 characters");
        }
        BusinessPlan plan = service.patch(planId, expected, body, reason);
        return Response.ok(view(plan)).tag(etag(plan)).build();
    }

    // submit and acceptance: approval/boundary (SubmissionResource, AcceptanceResource)

    @POST
    @Path("{id}/close")
    @Operation(summary = "Close the plan with its period-end report; the body may record what the vendor delivered")
    public Response close(@PathParam("id") PlanId id, String body) {
        PlanId planId = id;
        VendorDelivered delivered = body == null || body.isBlank() ? null
                : input.bind(body, CloseInput.class).vendorDelivered();
        guard.run(planId, () -> closing.close(planId, delivered));
        return current(planId);
    }

    /** The body of {@code POST /plans/{id}/close}. */
    public record CloseInput(@jakarta.validation.Valid VendorDelivered vendorDelivered) {
    }

    /** The body of {@code POST /plans/{id}/next-cycle}. */
    public record NextCycleInput(@jakarta.validation.constraints.DecimalMin("-100")
                                 @jakarta.validation.constraints.DecimalMax("1000") java.math.BigDecimal growthPercent) {
    }

    @POST
    @Path("{id}/next-cycle")
    @Operation(summary = "From a CLOSED plan, the next period's DRAFT pre-filled from actuals grown by growthPercent")
    public Response nextCycle(@PathParam("id") PlanId id, String body) {
        PlanId planId = id;
        java.math.BigDecimal growth = body == null || body.isBlank() ? null
                : input.bind(body, NextCycleInput.class).growthPercent();
        BusinessPlan next = guard.run(planId, () -> closing.nextCycle(planId, growth));
        return Response.created(uri.getBaseUriBuilder().path("plans").path(next.id().toString()).build())
                .tag(etag(next)).entity(view(service.visible(next.id()))).build();
    }

    @GET
    @Path("{id}/baseline-diff")
    @Operation(summary = "What changed since the plan was first approved (its baseline) up to the active revision")
    public RevisionResource.Diff baselineDiff(@PathParam("id") PlanId id) {
        BusinessPlan plan = service.visible(id);
        if (plan.baselineRevision() == null) {
            throw ProblemException.conflict("The plan has not been approved yet, so it has no baseline",
                    java.util.Map.of("status", plan.status().name()));
        }
        var changes = service.diff(plan.id(), plan.baselineRevision(), plan.revision()).stream()
                .map(c -> new RevisionResource.Change(c.field(), c.kind(), c.before(), c.after())).toList();
        return new RevisionResource.Diff(plan.baselineRevision(), plan.revision(), changes);
    }

    private Response current(PlanId planId) {
        return views.current(planId);
    }

    PlanView view(BusinessPlan plan) {
        return views.of(plan);
    }

    static EntityTag etag(BusinessPlan plan) {
        return PlanViews.etag(plan);
    }

    private static long parseVersion(String ifMatch) {
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            // an ETag we never issued cannot match the current version
            return -1;
        }
    }

}
