package org.jbp.sync.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import org.jbp.platform.ProblemResponses;
import org.jbp.people.control.UserDirectory;
import org.jbp.sync.control.SyncLease;
import org.jbp.sync.control.SyncRuns;
import org.jbp.sync.control.SyncStartFailed;

/**
 * A run the batch runtime would not start: 503 with the runtime's reason and the run, now FAILED, so an admin sees
 * what to fix (descriptors/payara/INSTALL.md, the batch runtime's data source) and can restart it from there.
 */
@Provider
public class SyncStartFailedMapper implements ExceptionMapper<SyncStartFailed> {

    @Inject
    SyncRuns runs;
    @Inject
    SyncLease lease;
    @Inject
    UserDirectory directory;

    @Override
    public Response toResponse(SyncStartFailed failure) {
        Map<String, Object> extensions = runs.find(failure.runId())
                .<Map<String, Object>>map(run -> Map.of("run", SyncRunView.of(run, lease.state(), directory)))
                .orElse(Map.of());
        Response problem = ProblemResponses.build(503, "sync-start-failed", "Sync run did not start",
                "The batch runtime did not start the run: " + failure.reason(), List.of(), extensions);
        return Response.fromResponse(problem).header("Retry-After", "60").build();
    }
}
