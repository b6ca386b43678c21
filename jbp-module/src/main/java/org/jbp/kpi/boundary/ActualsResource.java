package org.jbp.kpi.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jbp.kpi.control.KpiActuals;
import org.jbp.plan.control.PlanAccess;
import org.jbp.plan.control.PlanRepository;
import org.jbp.plan.control.PlanService;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.PlanStatus;
import org.jbp.platform.JsonInput;
import org.jbp.platform.ProblemException;
import org.jbp.security.CurrentUser;
import org.jbp.security.Roles;
import org.jbp.kernel.PlanId;

/**
 * A plan's KPI actuals. The CRM sync fills them; a channel manager may record values by hand
 * (for metrics the CRM does not hold, or before the CRM is connected).
 */
@Path("plans/{id}/actuals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
public class ActualsResource {

    @Inject
    KpiActuals actuals;
    @Inject
    PlanService plans;
    @Inject
    PlanRepository repository;
    @Inject
    PlanAccess access;
    @Inject
    CurrentUser user;
    @Inject
    JsonInput input;

    public record ActualInput(
            @NotBlank @Size(max = 60) @Pattern(regexp = "[a-z][a-z0-9_]*(\\([A-Za-z0-9_ -]{1,40}\\))?",
                    message = "a metric key such as revenue_won or certifications_completed(TECHNICAL)") String metric,
            @Min(0) @Max(4) int quarter,
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 2) BigDecimal value) {
    }

    public record ActualsInput(@NotEmpty @Size(max = 200) List<@Valid @NotNull ActualInput> values) {
    }

    @GET
    @Operation(summary = "Current actuals: metric (period) or metric#quarter to value")
    public Map<String, BigDecimal> current(@PathParam("id") PlanId id) {
        return actuals.current(plans.visible(id).id());
    }

    @POST
    @Transactional
    @Operation(summary = "Record actuals by hand (source MANUAL); a value equal to the current one is not stored again")
    public Map<String, BigDecimal> record(@PathParam("id") PlanId id, String body) {
        ActualsInput in = input.bind(body, ActualsInput.class);
        BusinessPlan plan = repository.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("Plan " + id));
        access.requireVisible(plan);
        if (!access.actsForVendorOn(plan)) {
            throw ProblemException.forbidden("Only the plan's channel manager or an admin records actuals");
        }
        if (plan.status() != PlanStatus.ACTIVE && plan.status() != PlanStatus.APPROVED) {
            throw ProblemException.conflict("Actuals are recorded for APPROVED or ACTIVE plans; this one is "
                    + plan.status(), Map.of("status", plan.status().name()));
        }
        for (ActualInput value : in.values()) {
            actuals.record(plan.id(), value.metric(), value.quarter(), value.value(), "MANUAL", user.id());
        }
        return actuals.current(plan.id());
    }

}
