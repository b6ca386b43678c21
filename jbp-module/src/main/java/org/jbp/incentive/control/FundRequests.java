package org.jbp.incentive.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jbp.incentive.entity.FundRequest;
import org.jbp.incentive.entity.MdfEligibility;
import org.jbp.kernel.Money;
import org.jbp.kernel.PlanId;
import org.jbp.kpi.control.CampaignFundsSource;
import org.jbp.outbox.control.Outbox;
import org.jbp.outbox.control.OutboxWrites;
import org.jbp.outbox.control.WriteDelivered;
import org.jbp.outbox.entity.OutboxEntry;
import org.jbp.outbox.entity.OutboxKind;
import org.jbp.outbox.entity.OutboxStatus;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.Campaign;

/**
 * Plan-linked MDF: when a plan (or an amendment) is approved, each campaign with MDF gets a PartnerFundRequest
 * through the outbox, in the approving transaction. The external id is derived from plan and campaign key, so the
 * request is created once and later approvals update it; an unchanged campaign queues nothing. A campaign that no
 * longer asks for MDF (removed by an amendment, or its MDF taken out) has its request withdrawn, once.
 */
@ApplicationScoped
public class FundRequests implements CampaignFundsSource {

    /**
     * The status a request is written with. PartnerFundRequest.Status is a restricted picklist (Draft, Approved,
     * Rejected); a changed request goes back to Draft, since what was approved is no longer what is asked.
     */
    static final String STATUS_DRAFT = OutboxWrites.FUND_REQUEST_DRAFT;
    static final String CANCELLED = "CANCELLED";
    static final String NOT_SENT = "NOT_SENT";
    private static final int MAX_EXTERNAL_ID = 80;

    @PersistenceContext(unitName = "jbp")
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    /** Queues an upsert for every campaign whose MDF request is new or changed; returns how many. */
    public int requestFor(BusinessPlan plan) {
        // no campaign section at all (an amendment may remove it) still withdraws the requests made before
        List<Campaign> campaigns = plan.content().sections().campaigns() == null ? List.of()
                : plan.content().sections().campaigns();
        Instant now = clock.instant();
        int queued = 0;
        for (Campaign c : campaigns) {
            if (c.key() == null || c.mdfRequested() == null || c.mdfRequested().amount().signum() <= 0) {
                continue;
            }
            String externalId = externalId(plan.id(), c.key());
            Money amount = c.mdfRequested();
            FundRequest request = em.find(FundRequest.class, externalId);
            if (request != null && !request.differsFrom(c.name(), amount, c.crmCampaignId())) {
                continue;
            }
            if (request == null) {
                request = new FundRequest(externalId, plan.id(), c.key(), now);
                em.persist(request);
            }
            var payload = Json.createObjectBuilder()
                    .add("title", title(plan, c))
                    .add("requestedAmount", amount.amount())
                    .add("currency", amount.currency())
                    .add("partnerId", plan.partner().value())
                    .add("activity", c.tactic().name())
                    .add("status", STATUS_DRAFT);
            if (c.crmCampaignId() != null) {
                payload.add("campaignId", c.crmCampaignId());
            }
            OutboxEntry entry = outbox.enqueue(OutboxKind.FUND_REQUEST_UPSERT, externalId, plan.id(),
                    payload.build().toString());
            request.request(c.name(), amount, c.crmCampaignId(), STATUS_DRAFT, entry.id(), now);
            queued++;
        }
        return queued + withdrawRemoved(plan, campaigns, now);
    }

    /** Withdraws the request of every campaign that no longer asks for MDF; each once, through the outbox. */
    private int withdrawRemoved(BusinessPlan plan, List<Campaign> campaigns, Instant now) {
        Set<String> asking = campaigns.stream()
                .filter(c -> c.key() != null && c.mdfRequested() != null && c.mdfRequested().amount().signum() > 0)
                .map(Campaign::key).collect(Collectors.toSet());
        int queued = 0;
        for (FundRequest request : forPlan(plan.id())) {
            if (asking.contains(request.campaignKey()) || request.isCancelled()) {
                continue;
            }
            OutboxEntry last = request.lastOutboxId() == null ? null
                    : em.find(OutboxEntry.class, UUID.fromString(request.lastOutboxId()));
            if (request.crmId() == null && last != null && last.status() == OutboxStatus.FAILED) {
                // Salesforce refused the request: there is nothing to withdraw, and the parked write must not be
                // retried into existence by an admin later
                last.discard();
                request.cancel(last.id(), now);
                continue;
            }
            OutboxEntry entry = outbox.enqueue(OutboxKind.FUND_REQUEST_CANCEL, request.externalId(), plan.id(),
                    Json.createObjectBuilder().add("reason", "campaign '" + request.campaignName()
                            + "' no longer asks for MDF").build().toString());
            request.cancel(entry.id(), now);
            queued++;
        }
        return queued;
    }

    @Override
    public Map<String, FundState> byCampaign(PlanId planId) {
        Map<String, FundState> states = new LinkedHashMap<>();
        for (FundRequest f : forPlan(planId)) {
            states.put(f.campaignKey(), new FundState(status(f), Money.amountOf(f.requested()),
                    zeroIfNull(f.approved()), zeroIfNull(f.claimed()), zeroIfNull(f.paid()), f.currency(),
                    f.crmReadAt()));
        }
        return states;
    }

    /** CANCELLED once withdrawn, NOT_SENT until the CRM took it, else what the CRM says (or what was sent). */
    public static String status(FundRequest f) {
        if (f.isCancelled()) {
            return CANCELLED;
        }
        return f.crmId() == null ? NOT_SENT : f.crmStatus();
    }

    private static BigDecimal zeroIfNull(Money money) {
        return money == null ? BigDecimal.ZERO : money.amount();
    }

    /**
     * {@code jbp-mdf-<planId>-<campaignKey>}; a key too long for Salesforce's 80-character external id is replaced
     * by a digest of itself, which is just as deterministic.
     */
    public static String externalId(PlanId planId, String campaignKey) {
        String prefix = "jbp-mdf-" + planId + "-";
        String id = prefix + campaignKey;
        if (id.length() <= MAX_EXTERNAL_ID) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(campaignKey.getBytes(StandardCharsets.UTF_8));
            return prefix + "h" + HexFormat.of().formatHex(digest).substring(0, MAX_EXTERNAL_ID - prefix.length() - 1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String title(BusinessPlan plan, Campaign c) {
        String title = plan.title() + ": " + c.name();
        return title.length() > 255 ? title.substring(0, 255) : title;
    }

    /** The CRM created or updated the request: keep its Salesforce id. */
    void delivered(@Observes WriteDelivered write) {
        if (write.kind() != OutboxKind.FUND_REQUEST_UPSERT) {
            return;
        }
        FundRequest request = em.find(FundRequest.class, write.externalId());
        if (request != null) {
            request.delivered(write.crmId(), write.at());
        }
    }

    /** The fund requests of these plans, for the read-back after a sync. */
    public List<FundRequest> forPlans(List<PlanId> planIds) {
        List<FundRequest> all = new ArrayList<>();
        for (int from = 0; from < planIds.size(); from += 1_000) {
            all.addAll(em.createQuery("select f from FundRequest f where f.planId in :plans", FundRequest.class)
                    .setParameter("plans", planIds.subList(from, Math.min(planIds.size(), from + 1_000)))
                    .getResultList());
        }
        return all;
    }

    public List<FundRequest> forPlan(PlanId planId) {
        return em.createQuery("select f from FundRequest f where f.planId = :plan order by f.campaignKey",
                FundRequest.class).setParameter("plan", planId).getResultList();
    }

    /** A campaign asking for more MDF than the partner is eligible for; flagged, never blocking. */
    public record MdfWarning(String campaignKey, String campaignName, BigDecimal requested, BigDecimal cap,
                             String message) {
    }

    public List<MdfWarning> warnings(BusinessPlan plan) {
        MdfEligibility eligibility = em.find(MdfEligibility.class, plan.partner().value());
        List<MdfWarning> warnings = new ArrayList<>();
        List<Campaign> campaigns = plan.content().sections().campaigns();
        if (eligibility == null || campaigns == null) {
            return warnings;
        }
        var revenue = plan.content().sections().revenue();
        Money revenueTarget = revenue == null || revenue.closedRevenue() == null
                || revenue.closedRevenue().amount() == null ? null : revenue.closedRevenue();
        Optional<Money> cap = eligibility.capFor(revenueTarget, plan.currency());
        if (cap.isEmpty()) {
            return warnings;
        }
        for (Campaign c : campaigns) {
            // the plan's rules keep every amount of a plan in its currency, the cap is in it too
            if (c.mdfRequested() != null && c.mdfRequested().isMoreThan(cap.get())) {
                warnings.add(new MdfWarning(c.key(), c.name(), c.mdfRequested().amount(), cap.get().amount(),
                        "Campaign '" + c.name() + "' asks for " + c.mdfRequested().amount().toPlainString() + " "
                                + c.mdfRequested().currency() + " of MDF; the partner is eligible for at most "
                                + cap.get().amount().toPlainString() + " per campaign"));
            }
        }
        return warnings;
    }

    public Optional<MdfEligibility> eligibility(String partnerAccount) {
        return Optional.ofNullable(em.find(MdfEligibility.class, partnerAccount));
    }
}
