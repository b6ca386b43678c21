package org.jbp.demo.data;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;

/**
 * A full KPI sync as the last step of the demo's start, so every ACTIVE plan shows live actuals from the simulated
 * org the first time the tab opens. The server's scheduler may already be running its own first sync (it starts one
 * within seconds of boot, before the demo data existed); that one is waited for, then a full run is asked for again.
 */
public final class FirstSync {

    /** How the run ended, in the launcher's words; {@code runId} for {@code GET /sync/runs/{id}}. */
    public record Outcome(String status, long partners, long apiCalls, Duration took, String runId) {
    }

    private final JbpApi api;
    private final String adminToken;
    private final Duration timeout;

    public FirstSync(JbpApi api, String adminToken, Duration timeout) {
        this.api = api;
        this.adminToken = adminToken;
        this.timeout = timeout;
    }

    public Outcome run() {
        return run("full");
    }

    /**
     * A run of {@code mode} ({@code full} or {@code incremental}, as the API takes it), waited for to its end; the
     * benchmark's sync runs go through here too.
     */
    public Outcome run(String mode) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        String request = Json.createObjectBuilder().add("mode", mode).build().toString();
        while (true) {
            JbpApi.Reply reply = api.send("POST", "/sync/runs", adminToken, request, null);
            if (reply.status() == 202) {
                String runId = read(reply.body()).getString("id");
                JsonObject end = awaitEnd(runId, deadline);
                return new Outcome(end.getString("status"), end.getJsonNumber("itemsDone").longValue(),
                        end.getJsonNumber("apiCalls").longValue(), Duration.ofNanos(System.nanoTime() - started),
                        runId);
            }
            if (reply.status() != 409) {
                throw new IllegalStateException("the sync could not start: " + reply.status() + " "
                        + reply.body());
            }
            // the scheduler's run holds the lease: let it finish, then ask for ours
            JsonObject problem = read(reply.body());
            if (problem.containsKey("run")) {
                awaitEnd(problem.getJsonObject("run").getString("id"), deadline);
            } else {
                pause(deadline);
            }
        }
    }

    private JsonObject awaitEnd(String runId, long deadline) {
        while (true) {
            JbpApi.Reply reply = api.get("/sync/runs/" + runId, adminToken);
            JsonObject run = read(reply.body());
            if (!"RUNNING".equals(run.getString("status", "RUNNING"))) {
                return run;
            }
            pause(deadline);
        }
    }

    private void pause(long deadline) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the sync did not finish within " + timeout);
        }
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sync", e);
        }
    }

    private static JsonObject read(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
