package org.jbp.demo.data;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * Moves demo plans along their lifecycle through the same endpoints people use: the channel manager submits, the
 * partner accepts (where the tier asks for it), approvers approve step by step. A WAR without the lifecycle
 * endpoints leaves every plan in DRAFT, and the launcher says so rather than failing the demo.
 */
final class LifecycleDriver {

    /** How far a plan should go. */
    enum Goal {
        /** Submitted and accepted by the partner, waiting for the first approver. */
        AWAITING_APPROVER,
        /** Every step approved: ACTIVE once its period has started, APPROVED before. */
        APPROVED
    }

    /** One plan to move, with the partner account whose user accepts it. */
    record Move(String planId, String partnerAccountId, Goal goal) {
    }

    private static final int MAX_STEPS = 12;

    private final JbpApi api;
    private final DemoDataLoader.Tokens tokens;

    LifecycleDriver(JbpApi api, DemoDataLoader.Tokens tokens) {
        this.api = api;
        this.tokens = tokens;
    }

    /** Moves each plan; returns a line for the console saying what happened. */
    String drive(List<Move> moves) {
        int moved = 0;
        for (Move move : moves) {
            JbpApi.Reply submitted = api.send("POST", "/plans/" + move.planId() + "/submit", tokens.channelManager(),
                    null, null);
            if (submitted.status() == 404 || submitted.status() == 405) {
                return "this WAR has no plan lifecycle endpoints yet: every demo plan stays DRAFT";
            }
            try {
                DemoDataLoader.expect(submitted, 200, "POST /plans/" + move.planId() + "/submit");
                advance(move);
                moved++;
            } catch (IllegalStateException e) {
                return "moved " + moved + " of " + moves.size() + " plans beyond DRAFT, then: " + e.getMessage();
            }
        }
        return "moved " + moved + " plans beyond DRAFT (submitted, accepted by the partner, approved)";
    }

    private void advance(Move move) {
        for (int i = 0; i < MAX_STEPS; i++) {
            Optional<JsonObject> pending = pendingStep(move.planId());
            if (pending.isEmpty()) {
                return;
            }
            JsonObject step = pending.get();
            if ("ACCEPTANCE".equals(step.getString("kind"))) {
                DemoDataLoader.expect(api.send("POST", "/plans/" + move.planId() + "/acceptance",
                        tokens.partnerUserOf().apply(move.partnerAccountId()), null, null), 200,
                        "POST /plans/" + move.planId() + "/acceptance");
            } else if (move.goal() == Goal.AWAITING_APPROVER) {
                return;
            } else {
                String stepId = step.getString("id");
                DemoDataLoader.expect(api.send("POST", "/plans/" + move.planId() + "/approvals/" + stepId + "/approve",
                        tokens.approver(), "{\"reason\":\"Targets and vendor commitments agreed in the planning "
                                + "workshop\"}", null), 200, "POST approvals/" + stepId + "/approve");
            }
        }
        throw new IllegalStateException("plan " + move.planId() + " still has pending steps after " + MAX_STEPS
                + " decisions");
    }

    private Optional<JsonObject> pendingStep(String planId) {
        JbpApi.Reply chain = DemoDataLoader.expect(api.get("/plans/" + planId + "/approvals", tokens.channelManager()),
                200, "GET /plans/" + planId + "/approvals");
        return DemoDataLoader.parse(chain.body()).asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(step -> "PENDING".equals(step.getString("status")))
                .findFirst();
    }
}
