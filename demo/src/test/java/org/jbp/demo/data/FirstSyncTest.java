package org.jbp.demo.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirstSyncTest {

    /** Answers from a script, in order, and records what was asked. */
    static final class Script implements JbpApi {
        final Deque<Reply> replies = new ArrayDeque<>();
        final List<String> asked = new ArrayList<>();
        final List<String> bodies = new ArrayList<>();

        Script then(int status, String body) {
            replies.add(new Reply(status, body, null));
            return this;
        }

        @Override
        public Reply send(String method, String path, String token, String body, String ifMatch) {
            asked.add(method + " " + path);
            bodies.add(body);
            return replies.isEmpty() ? new Reply(500, "{}", null) : replies.poll();
        }
    }

    private static String run(String id, String status) {
        return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"itemsDone\":4,\"apiCalls\":11}";
    }

    @Test
    void aRunTheSchedulerHoldsIsWaitedForAndThenAFullRunOfItsOwnIsAskedFor() {
        Script api = new Script()
                .then(409, "{\"detail\":\"A sync run is in progress\",\"run\":" + run("sched", "RUNNING") + "}")
                .then(200, run("sched", "RUNNING"))
                .then(200, run("sched", "COMPLETED"))
                .then(202, run("ours", "RUNNING"))
                .then(200, run("ours", "COMPLETED"));
        FirstSync.Outcome outcome = new FirstSync(api, "token", Duration.ofSeconds(30)).run();
        assertEquals("COMPLETED", outcome.status());
        assertEquals(4, outcome.partners());
        assertEquals(List.of("POST /sync/runs", "GET /sync/runs/sched", "GET /sync/runs/sched", "POST /sync/runs",
                "GET /sync/runs/ours"), api.asked, "the scheduler's run first, then the demo's own full run");
    }

    @Test
    void anIncrementalRunIsAskedForInTheModeTheApiTakes() {
        Script api = new Script().then(202, run("ours", "RUNNING")).then(200, run("ours", "COMPLETED"));
        FirstSync.Outcome outcome = new FirstSync(api, "token", Duration.ofSeconds(30)).run("incremental");
        assertEquals("{\"mode\":\"incremental\"}", api.bodies.get(0));
        assertEquals("ours", outcome.runId());
    }

    @Test
    void aRunThatCannotStartStopsTheDemoWithTheServersReason() {
        Script api = new Script().then(503, "{\"detail\":\"The batch runtime did not start the run: no database\"}");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new FirstSync(api, "token", Duration.ofSeconds(30)).run());
        assertTrue(refused.getMessage().contains("no database"), refused.getMessage());
    }
}
