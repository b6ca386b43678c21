package org.jbp.demo.data;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.jbp.demo.salesforce.DemoPartner;

/**
 * Loads the demo's partners, templates and plans through the REST API, as the people in the demo would: the admin
 * registers partners and templates, the channel manager drafts the plans, partner users edit and comment on theirs,
 * so every plan has revisions by both sides. Runs once: a database that already has templates is left alone.
 */
public final class DemoDataLoader {

    /**
     * Who the loader acts as.
     *
     * @param partnerUserOf a token of a partner user of the given account id
     */
    public record Tokens(String admin, String channelManager, String approver, Function<String, String> partnerUserOf) {
        public Tokens {
            Objects.requireNonNull(admin, "an admin token is required");
            Objects.requireNonNull(channelManager, "a channel manager token is required");
            Objects.requireNonNull(approver, "an approver token is required");
            Objects.requireNonNull(partnerUserOf, "partner tokens are required");
        }
    }

    /** What a run did; {@code lifecycle} says how far plans could be moved beyond DRAFT. */
    public record Result(boolean loaded, int partners, int templates, Map<String, Integer> plansByStatus,
                         String lifecycle) {
    }

    private final JbpApi api;
    private final Tokens tokens;
    private final int planningYear;
    private final LifecycleDriver lifecycle;

    /**
     * @param planningYear the fiscal year being planned; plans of the year before are the running ones
     */
    public DemoDataLoader(JbpApi api, Tokens tokens, int planningYear) {
        this.api = api;
        this.tokens = tokens;
        this.planningYear = planningYear;
        this.lifecycle = new LifecycleDriver(api, tokens);
    }

    /** Whether an earlier run (or someone else) already put templates in: then nothing is loaded again. */
    public boolean alreadyLoaded() {
        JbpApi.Reply reply = expect(api.get("/templates", tokens.admin()), 200, "GET /templates");
        return !parse(reply.body()).asJsonArray().isEmpty();
    }

    /** Loads everything unless already loaded; then only counts what is there. */
    public Result loadIfEmpty(List<DemoPartner> partners, String vpApproverId) {
        if (alreadyLoaded()) {
            return new Result(false, partners.size(), countTemplates(), countPlansByStatus(), "kept from an earlier run");
        }
        return load(partners, vpApproverId);
    }

    Result load(List<DemoPartner> partners, String vpApproverId) {
        for (DemoPartner partner : partners) {
            registerPartner(partner);
        }
        Map<String, String> templateByTier = new LinkedHashMap<>();
        String strategic = createTemplate(DemoContent.strategicTemplate(vpApproverId));
        templateByTier.put(DemoContent.PLATINUM, strategic);
        templateByTier.put(DemoContent.GOLD, strategic);
        templateByTier.put(DemoContent.SILVER, createTemplate(DemoContent.salesTemplate()));
        templateByTier.put(DemoContent.REGISTERED, createTemplate(DemoContent.starterTemplate()));

        List<LifecycleDriver.Move> moves = new ArrayList<>();
        boolean approvedAhead = false;
        boolean waitingForApprover = false;
        for (DemoPartner partner : partners) {
            String template = Objects.requireNonNull(templateByTier.get(partner.tier()),
                    () -> "no demo template for tier " + partner.tier());
            JsonObject draftPlan = createPlan(partner, template, planningYear);
            collaborate(partner, draftPlan);
            String draft = draftPlan.getString("id");
            if (DemoContent.scale(partner.tier()) > 1) {
                // strategic partners also have this year's plan, running since its approval
                String running = createPlan(partner, template, planningYear - 1).getString("id");
                moves.add(new LifecycleDriver.Move(running, partner.accountId(), LifecycleDriver.Goal.APPROVED));
            }
            // The first partner keeps its draft to edit in the demo; the next ones show the later states.
            if (partner != partners.get(0) && !approvedAhead) {
                moves.add(new LifecycleDriver.Move(draft, partner.accountId(), LifecycleDriver.Goal.APPROVED));
                approvedAhead = true;
            } else if (DemoContent.SILVER.equals(partner.tier()) && !waitingForApprover) {
                moves.add(new LifecycleDriver.Move(draft, partner.accountId(), LifecycleDriver.Goal.AWAITING_APPROVER));
                waitingForApprover = true;
            }
        }
        String lifecycleNote = lifecycle.drive(moves);
        return new Result(true, partners.size(), templateByTier.values().stream().distinct().toList().size(),
                countPlansByStatus(), lifecycleNote);
    }

    private void registerPartner(DemoPartner partner) {
        var body = Json.createObjectBuilder().add("name", partner.name()).add("tier", partner.tier());
        if (partner.partnerType() != null) body.add("partnerType", partner.partnerType());
        if (partner.ownerId() != null) body.add("ownerId", partner.ownerId());
        if (partner.region() != null) body.add("region", partner.region());
        expect(api.send("PUT", "/partners/" + partner.accountId(), tokens.admin(), body.build().toString(), null),
                200, "PUT /partners/" + partner.accountId());
    }

    private String createTemplate(JsonObject template) {
        JbpApi.Reply reply = expect(api.send("POST", "/templates", tokens.admin(), template.toString(), null),
                201, "POST /templates " + template.getString("name"));
        return parse(reply.body()).asJsonObject().getString("id");
    }

    private JsonObject createPlan(DemoPartner partner, String templateId, int fiscalYear) {
        JbpApi.Reply reply = expect(api.send("POST", "/plans", tokens.channelManager(),
                DemoContent.plan(partner, templateId, fiscalYear).toString(), null), 201,
                "POST /plans for " + partner.name() + " FY" + fiscalYear);
        return parse(reply.body()).asJsonObject();
    }

    /**
     * Both sides work on the draft: the channel manager raises the co-sell goal (or sharpens the title of a starter
     * plan, which has no co-sell section), the partner rewrites the summary, and they talk in a comment thread.
     * Three revisions per plan.
     */
    private void collaborate(DemoPartner partner, JsonObject plan) {
        String id = plan.getString("id");
        String partnerToken = tokens.partnerUserOf().apply(partner.accountId());
        boolean hasCoSell = plan.getJsonObject("sections").containsKey("coSell")
                && !plan.getJsonObject("sections").isNull("coSell");
        String camChange = hasCoSell
                ? "{\"sections\":{\"coSell\":{\"engagementsTarget\":" + (8 * DemoContent.scale(partner.tier())) + "}}}"
                : Json.createObjectBuilder().add("title", plan.getString("title") + " (first steps)").build().toString();
        JbpApi.Reply edited = expect(api.send("PATCH", "/plans/" + id, tokens.channelManager(), camChange,
                etagOf(plan)), 200, "PATCH /plans/" + id + " by the channel manager");
        String summary = partner.name() + " will double its certified delivery team and lead with industry "
                + "solutions in " + partner.region();
        expect(api.send("PATCH", "/plans/" + id, partnerToken,
                Json.createObjectBuilder().add("sections", Json.createObjectBuilder().add("profile",
                        Json.createObjectBuilder().add("summary", summary))).build().toString(), edited.etag()),
                200, "PATCH /plans/" + id + " by the partner");

        String section = hasCoSell ? "coSell" : "revenue";
        JbpApi.Reply opened = expect(api.send("POST", "/plans/" + id + "/comments", tokens.channelManager(),
                Json.createObjectBuilder().add("section", section).add("body", hasCoSell
                        ? "I raised the engagement target: we have two more SEs in your region next year."
                        : "The deal registration target looks within reach given this year's pipeline.").build().toString(),
                null), 201, "POST /plans/" + id + "/comments");
        expect(api.send("POST", "/plans/" + id + "/comments", partnerToken,
                Json.createObjectBuilder().add("replyTo", parse(opened.body()).asJsonObject().getString("id"))
                        .add("body", "Agreed, as long as the executive sponsor joins the quarterly reviews.")
                        .build().toString(), null), 201, "POST a reply on plan " + id);
    }

    private static String etagOf(JsonObject plan) {
        return "\"" + plan.getJsonNumber("version").longValue() + "\"";
    }

    private int countTemplates() {
        return parse(expect(api.get("/templates", tokens.admin()), 200, "GET /templates").body()).asJsonArray().size();
    }

    private Map<String, Integer> countPlansByStatus() {
        JsonArray plans = parse(expect(api.get("/plans?limit=500", tokens.admin()), 200, "GET /plans").body())
                .asJsonArray();
        Map<String, Integer> byStatus = new TreeMap<>();
        plans.getValuesAs(JsonObject.class).forEach(p -> byStatus.merge(p.getString("status"), 1, Integer::sum));
        return byStatus;
    }

    static JbpApi.Reply expect(JbpApi.Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new IllegalStateException(what + " answered " + reply.status() + " (expected " + status + "): "
                    + reply.body());
        }
        return reply;
    }

    static JsonStructure parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.read();
        }
    }
}
