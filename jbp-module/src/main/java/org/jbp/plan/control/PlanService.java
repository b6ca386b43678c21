package org.jbp.plan.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jbp.kernel.PartnerAccountId;
import org.jbp.kernel.PlanId;
import org.jbp.partner.control.PartnerRepository;
import org.jbp.partner.entity.Partner;
import org.jbp.plan.entity.BusinessPlan;
import org.jbp.plan.entity.PlanComment;
import org.jbp.plan.entity.PlanContent;
import org.jbp.plan.entity.PlanPeriod;
import org.jbp.plan.entity.PlanRevision;
import org.jbp.platform.FieldError;
import org.jbp.platform.JsonInput;
import org.jbp.platform.ProblemException;
import org.jbp.security.CurrentUser;
import org.jbp.security.Roles;
import org.jbp.template.control.TemplateRepository;
import org.jbp.template.entity.TemplateVersion;

/** Creating and collaboratively editing plans: every saved change is checked and kept as a revision. */
@RequestScoped
public class PlanService {

    /** The members of a plan a merge patch may change; the rest is fixed at creation. */
    private static final Set<String> PATCHABLE = Set.of("title", "sections", "vendorCommitments");

    @Inject
    PlanRepository plans;
    @Inject
    TemplateRepository templates;
    @Inject
    PartnerRepository partners;
    @Inject
    PlanAccess access;
    @Inject
    CurrentUser user;
    @Inject
    JsonInput input;
    @Inject
    Clock clock;
    @Inject
    @ConfigProperty(name = "jbp.fiscal-year.start-month", defaultValue = "1")
    int fiscalYearStartMonth;

    /** What a new plan is made of. */
    public record NewPlan(PartnerAccountId partner, UUID templateId, Integer templateVersion, String currency,
                          PlanPeriod period, String ownerId, PlanContent content) {
    }

    @Inject
    OrgCurrencies currencies;

    public int fiscalYearStartMonth() {
        return fiscalYearStartMonth;
    }

    @Transactional
    public BusinessPlan create(NewPlan request) {
        if (!user.isAdmin() && !user.is(Roles.CHANNEL_MANAGER)) {
            throw ProblemException.forbidden("Only channel managers and admins create plans");
        }
        Partner partner = partners.find(request.partner()).orElseThrow(() -> ProblemException.invalid(
                "partnerAccountId", "no partner account " + request.partner() + " is known; sync partners first"));
        currencies.known().filter(codes -> !codes.contains(request.currency())).ifPresent(codes -> {
            throw ProblemException.invalid("currency", "the Salesforce org has no active currency "
                    + request.currency() + "; its currencies are " + codes
                    + " (actuals could not be converted into the plan's currency)");
        });
        if (!user.isAdmin() && partner.ownerId() != null && !partner.ownerId().equals(user.id())) {
            throw ProblemException.forbidden("Partner " + partner.name() + " is managed by another channel manager");
        }
        TemplateVersion template = (request.templateVersion() == null
                ? templates.latest(request.templateId())
                : templates.version(request.templateId(), request.templateVersion()))
                .orElseThrow(() -> ProblemException.invalid("templateId", "no such template (version)"));
        if (!template.definition().appliesTo(partner.tier(), partner.partnerType())) {
            throw ProblemException.invalid("templateId", "template '" + template.definition().name()
                    + "' is not for " + partner.tier() + " partners" + (partner.partnerType() == null ? ""
                    : " of type " + partner.partnerType()));
        }
        String owner = request.ownerId() != null ? request.ownerId()
                : partner.ownerId() != null && !user.is(Roles.CHANNEL_MANAGER) ? partner.ownerId() : user.id();
        PlanContent checked = new PlanRules(template.definition(), request.currency(), request.period())
                .check(request.content());
        Instant now = clock.instant();
        BusinessPlan plan = new BusinessPlan(request.partner(), template.templateId(), template.version(),
                request.currency(), request.period(), owner, user.id(), now);
        String json = PlanJson.write(checked);
        PlanRevision first = plan.revise(checked, json, JsonDiff.changedFields(null, PlanJson.tree(json)),
                user.id(), "created", now);
        plans.add(plan);
        plans.add(first);
        return plan;
    }

    /**
     * Applies a JSON merge patch (RFC 7386) to the plan's title, sections and vendor commitments.
     * {@code expectedVersion} is the version the editor saw: a stale one is refused, never merged blindly.
     */
    @Transactional
    public BusinessPlan patch(PlanId planId, long expectedVersion, String patchBody, String reason) {
        BusinessPlan plan = plans.findForUpdate(planId).orElseThrow(() -> ProblemException.notFound("Plan " + planId));
        access.requireEditable(plan);
        if (plan.version() != expectedVersion) {
            throw ProblemException.stale(plan.version());
        }
        JsonObject patch = input.object(patchBody);
        List<FieldError> fixed = patch.keySet().stream().filter(k -> !PATCHABLE.contains(k))
                .map(k -> new FieldError(k, "cannot be changed by PATCH; only " + PATCHABLE + " can"))
                .toList();
        if (!fixed.isEmpty()) {
            throw ProblemException.invalid(fixed);
        }
        JsonObject before = PlanJson.tree(plan.contentJson());
        JsonObject merged = Json.createMergePatch(patch).apply(before).asJsonObject();
        if (!merged.containsKey("sections") || merged.isNull("sections")) {
            merged = Json.createObjectBuilder(merged).add("sections", Json.createObjectBuilder()).build();
        }
        PlanContent edited = input.bind(merged, PlanContent.class);
        TemplateVersion template = templateOf(plan);
        PlanContent checked = new PlanRules(template.definition(), plan.currency(), plan.period())
                .check(edited, plan.content());
        String json = PlanJson.write(checked);
        List<String> changed = JsonDiff.changedFields(before, PlanJson.tree(json));
        if (changed.isEmpty()) {
            return plan;
        }
        PlanRevision revision = plan.revise(checked, json, changed, user.id(), reason, clock.instant());
        try {
            // the versioned update first: a concurrent save fails here, before its revision number collides
            plans.flush();
        } catch (OptimisticLockException e) {
            // someone saved between our read and our write: theirs stays, ours is refused
            throw ProblemException.stale(expectedVersion + 1);
        } catch (PersistenceException e) {
            if (e.getCause() instanceof OptimisticLockException) {
                throw ProblemException.stale(expectedVersion + 1);
            }
            throw e;
        }
        plans.add(revision);
        return plan;
    }

    public TemplateVersion templateOf(BusinessPlan plan) {
        return templates.version(plan.templateId(), plan.templateVersion())
                .orElseThrow(() -> new IllegalStateException("template version of plan " + plan.id() + " is gone"));
    }

    public String partnerTier(BusinessPlan plan) {
        return partners.find(plan.partner()).map(Partner::tier).orElse(null);
    }

    public BusinessPlan visible(PlanId planId) {
        PlanRepository.WithPartner found = plans.findWithPartner(planId)
                .orElseThrow(() -> ProblemException.notFound("Plan " + planId));
        access.partnerRead(found.plan(), found.partner());
        return access.requireVisible(found.plan());
    }

    public List<String> missingForSubmission(BusinessPlan plan) {
        return new PlanRules(templateOf(plan).definition(), plan.currency(), plan.period())
                .missingForSubmission(plan.content());
    }

    public List<PlanRevision> revisions(PlanId planId) {
        return revisions(visible(planId));
    }

    /** The revisions of a plan the caller was shown ({@link #visible}), without reading the plan again. */
    public List<PlanRevision> revisions(BusinessPlan visible) {
        return plans.revisions(visible.id());
    }

    public PlanRevision revision(PlanId planId, int number) {
        visible(planId);
        return plans.revision(planId, number).orElseThrow(() -> ProblemException.notFound("Revision " + number));
    }

    public List<JsonDiff.FieldChange> diff(PlanId planId, int from, int to) {
        PlanRevision a = revision(planId, from);
        PlanRevision b = revision(planId, to);
        return JsonDiff.between(PlanJson.tree(a.snapshotJson()), PlanJson.tree(b.snapshotJson()));
    }

    @Transactional
    public PlanComment comment(PlanId planId, String sectionName, UUID replyTo, String body) {
        BusinessPlan plan = visible(planId);
        access.requireCanComment(plan);
        Instant now = clock.instant();
        PlanComment comment;
        if (replyTo != null) {
            PlanComment parent = plans.comment(planId, replyTo)
                    .orElseThrow(() -> ProblemException.invalid("replyTo", "no comment " + replyTo + " on this plan"));
            comment = parent.reply(user.id(), user.displayName(), body, now);
        } else {
            if (sectionName == null || !PlanComment.TOPICS.contains(sectionName)) {
                throw ProblemException.invalid("section", "one of " + PlanComment.TOPICS + " is required");
            }
            comment = PlanComment.openThread(planId, sectionName, user.id(), user.displayName(), body, now);
        }
        plans.add(comment);
        return comment;
    }

    public List<PlanComment> comments(PlanId planId) {
        return comments(visible(planId));
    }

    /** The comments of a plan the caller was shown ({@link #visible}), without reading the plan again. */
    public List<PlanComment> comments(BusinessPlan visible) {
        return plans.comments(visible.id());
    }
}
