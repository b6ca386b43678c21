package org.jbp.incentive.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jbp.incentive.control.IncentiveRules;
import org.jbp.incentive.entity.TierChangeRecord;
import org.jbp.kernel.PartnerAccountId;
import org.jbp.platform.ProblemException;
import org.jbp.security.Roles;

/** A partner's tier history as incentive rules wrote it: old and new level, rule, evidence, the CRM write. */
@Path("partners/{accountId}/tier-history")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER})
public class TierHistoryResource {

    @Inject
    IncentiveRules rules;

    public record TierChangeView(String oldTier, String newTier, String ruleId, String ruleName, String planId,
                                 JsonValue evidence, String outboxId, Instant changedAt) {
        static TierChangeView of(TierChangeRecord t) {
            try (var reader = Json.createReader(new StringReader(t.evidence()))) {
                return new TierChangeView(t.oldTier(), t.newTier(), t.ruleId(), t.ruleName(), t.planId() == null ? null : t.planId().toString(),
                        reader.readValue(), t.outboxId(), t.changedAt());
            }
        }
    }

    @GET
    @Operation(summary = "Tier changes made by incentive rules, newest first")
    public List<TierChangeView> history(@PathParam("accountId") String accountId) {
        PartnerAccountId id = PartnerAccountId.tryParse(accountId)
                .orElseThrow(() -> ProblemException.notFound("Partner " + accountId));
        return rules.tierHistory(id.value()).stream().map(TierChangeView::of).toList();
    }
}
