package org.jbp.incentive.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jbp.incentive.control.IncentiveEvaluator;
import org.jbp.incentive.control.IncentiveRules;
import org.jbp.incentive.entity.IncentiveRule;
import org.jbp.kernel.Money;
import org.jbp.kernel.PlanId;
import org.jbp.platform.Ids;
import org.jbp.platform.JsonInput;
import org.jbp.security.CurrentUser;
import org.jbp.security.Roles;

/**
 * Incentive rules (global or per template) and evaluating them for a plan on demand. Conditions are checked on
 * save; a syntax error is a 422 whose message names the character position.
 */
@Path("incentive-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RolesAllowed(Roles.ADMIN)
public class IncentiveRuleResource {

    @Inject
    IncentiveRules rules;
    @Inject
    IncentiveEvaluator evaluator;
    @Inject
    JsonInput input;
    @Inject
    CurrentUser user;

    public record EffectInput(@NotNull IncentiveRule.EffectType type, @Size(max = 80) String level,
                              BigDecimal capAmount, @Size(max = 3) String currency, BigDecimal capPercent) {
    }

    public record RuleInput(@NotBlank @Size(max = 120) String name, UUID templateId,
                            @NotBlank @Size(max = 2000) String condition, @NotNull @Valid EffectInput effect) {
    }

    public record RuleView(UUID id, String name, UUID templateId, String condition, String effectType, String level,
                           BigDecimal capAmount, String currency, BigDecimal capPercent, boolean active,
                           String createdBy, Instant createdAt) {
        static RuleView of(IncentiveRule r) {
            return new RuleView(r.id(), r.name(), r.templateId(), r.condition(), r.effectType().name(), r.tierLevel(),
                    Money.amountOf(r.mdfCapAmount()),
                    r.mdfCapAmount() == null ? null : r.mdfCapAmount().currency(), r.mdfCapPercent(), r.active(), r.createdBy(), r.createdAt());
        }
    }

    public record EvaluationInput(@NotNull UUID planId) {
    }

    public record FiredView(UUID firingId, UUID ruleId, String ruleName, String effect, JsonValue evidence) {
        static FiredView of(IncentiveEvaluator.Fired f) {
            try (var reader = Json.createReader(new StringReader(f.evidence()))) {
                return new FiredView(f.firingId(), f.ruleId(), f.ruleName(), f.effect(), reader.readValue());
            }
        }
    }

    @POST
    @Operation(summary = "Save a rule: condition over KPI attainment, effect TIER_CHANGE (level) or MDF_ELIGIBILITY (cap)")
    public Response create(String body) {
        RuleInput in = input.bind(body, RuleInput.class);
        EffectInput e = in.effect();
        IncentiveRule rule = rules.create(new IncentiveRules.Definition(in.name(), in.templateId(), in.condition(),
                e.type(), e.level(), e.capAmount(), e.currency(), e.capPercent()), user.id());
        return Response.created(URI.create("incentive-rules/" + rule.id())).entity(RuleView.of(rule)).build();
    }

    @GET
    public List<RuleView> list() {
        return rules.all().stream().map(RuleView::of).toList();
    }

    @GET
    @Path("{id}")
    public RuleView get(@PathParam("id") String id) {
        UUID ruleId = Ids.uuid(id, "Incentive rule");
        return rules.find(ruleId).map(RuleView::of)
                .orElseThrow(() -> org.jbp.platform.ProblemException.notFound("Incentive rule " + id));
    }

    @POST
    @Path("{id}/deactivation")
    @Operation(summary = "Stop evaluating a rule; what it already fired stays")
    public RuleView deactivate(@PathParam("id") String id) {
        return RuleView.of(rules.deactivate(Ids.uuid(id, "Incentive rule")));
    }

    @POST
    @Path("evaluations")
    @Operation(summary = "Evaluate the rules for a plan now (as a KPI sync does after it stored actuals)")
    public List<FiredView> evaluate(String body) {
        PlanId planId = new PlanId(input.bind(body, EvaluationInput.class).planId());
        return evaluator.evaluatePlan(planId, "MANUAL").stream().map(FiredView::of).toList();
    }
}
