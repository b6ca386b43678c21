package org.jbp.incentive.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jbp.incentive.control.FundRequests;
import org.jbp.incentive.entity.FundRequest;
import org.jbp.incentive.entity.MdfEligibility;
import org.jbp.kernel.Money;
import org.jbp.kernel.PlanId;
import org.jbp.outbox.control.OutboxStore;
import org.jbp.plan.control.PlanService;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.security.Roles;

/** A plan's MDF: the fund request of each campaign as delivered to the CRM, and campaigns over the partner's cap. */
@Path("plans/{id}/funds")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.CHANNEL_MANAGER, Roles.APPROVER, Roles.PARTNER})
public class FundsResource {

    @Inject
    PlanService plans;
    @Inject
    FundRequests fundRequests;
    @Inject
    OutboxStore outbox;

    /**
     * One campaign's fund request: {@code status} is CANCELLED once withdrawn, NOT_SENT until Salesforce took it,
     * else Salesforce's own status; approved, claimed and paid amounts are as the last KPI sync read them
     * ({@code salesforceReadAt}).
     */
    public record FundView(String campaignKey, String campaignName, String externalId, BigDecimal requestedAmount,
                           String currency, String crmCampaignId, String crmId, String deliveryStatus,
                           String deliveryError, String salesforceStatus, String status, BigDecimal approvedAmount,
                           BigDecimal claimedAmount, BigDecimal paidAmount, int claimCount, Instant salesforceReadAt,
                           Instant cancelledAt, Instant updatedAt) {
    }

    public record Eligibility(BigDecimal capAmount, String currency, BigDecimal capPercent, Instant updatedAt) {
    }

    public record Funds(String planId, List<FundView> requests, Eligibility eligibility,
                        List<FundRequests.MdfWarning> warnings) {
    }

    @GET
    @Operation(summary = "Fund requests per campaign (external id, amount, CRM id, delivery and Salesforce status, approved, claimed and paid) and MDF warnings")
    public Funds funds(@PathParam("id") PlanId id) {
        BusinessPlan plan = plans.visible(id);
        List<FundView> views = fundRequests.forPlan(plan.id()).stream().map(this::view).toList();
        MdfEligibility e = fundRequests.eligibility(plan.partner().value()).orElse(null);
        return new Funds(plan.id().toString(), views,
                e == null ? null : new Eligibility(Money.amountOf(e.capAmount()),
                        e.capAmount() == null ? null : e.capAmount().currency(), e.capPercent(), e.updatedAt()),
                fundRequests.warnings(plan));
    }

    private FundView view(FundRequest f) {
        var last = f.lastOutboxId() == null ? null : outbox.find(UUID.fromString(f.lastOutboxId())).orElse(null);
        return new FundView(f.campaignKey(), f.campaignName(), f.externalId(), Money.amountOf(f.requested()), f.currency(),
                f.crmCampaignId(), f.crmId(), last == null ? null : last.status().name(),
                last == null ? null : last.lastErrorCode(), f.crmStatus(), FundRequests.status(f),
                Money.amountOf(f.approved()), Money.amountOf(f.claimed()), Money.amountOf(f.paid()), f.claimCount(), f.crmReadAt(), f.cancelledAt(),
                f.updatedAt());
    }
}
