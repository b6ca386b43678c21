package org.jbp.sync.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jbp.platform.JsonInput;
import org.jbp.platform.ProblemException;
import org.jbp.platform.QueryParams;
import org.jbp.people.control.UserDirectory;
import org.jbp.security.CurrentUser;
import org.jbp.security.Roles;
import org.jbp.sync.control.SyncAdmission;
import org.jbp.sync.control.SyncLauncher;
import org.jbp.sync.control.SyncLease;
import org.jbp.sync.control.SyncRuns;
import org.jbp.sync.entity.SyncMode;
import org.jbp.sync.entity.SyncRun;
import org.jbp.platform.Ids;

/** Sync runs: start one now, follow its progress, read the history. */
@Path("sync/runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RolesAllowed(Roles.ADMIN)
public class SyncResource {

    @Inject
    SyncLauncher launcher;
    @Inject
    SyncRuns runs;
    @Inject
    SyncLease lease;
    @Inject
    JsonInput input;
    @Inject
    CurrentUser user;
    @Inject
    UserDirectory directory;

    public record RunRequest(@NotNull @Pattern(regexp = "full|incremental", message = "full or incremental")
                             String mode) {
    }

    @POST
    @Operation(summary = "Start a sync run (or resume the one the daily API limit stopped); 409 while one runs")
    public Response start(String body) {
        RunRequest in = input.bind(body, RunRequest.class);
        SyncAdmission.Outcome outcome = launcher.request(SyncMode.valueOf(in.mode().toUpperCase()), user.id());
        return accepted(outcome);
    }

    @POST
    @Path("{id}/restart")
    @Operation(summary = "Resume a FAILED, LIMIT_REACHED, QUERY_TIMEOUT or ABANDONED run from its checkpoint")
    public Response restart(@PathParam("id") String id) {
        SyncRun run = find(id);
        if (!run.status().isResumable()) {
            throw ProblemException.conflict("Only a FAILED, LIMIT_REACHED, QUERY_TIMEOUT or ABANDONED run is resumed; this one is "
                    + run.status(), Map.of("run", view(run)));
        }
        return accepted(launcher.resume(run.id()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One run: phase, items done and total, API calls, errors, start and end; "
            + "leaseExpired when a RUNNING run's instance stopped renewing its lease")
    public SyncRunView one(@PathParam("id") String id) {
        return view(find(id));
    }

    @GET
    @Operation(summary = "Run history, newest first")
    public List<SyncRunView> history(@QueryParam("offset") @DefaultValue("0") String offset,
                                     @QueryParam("limit") @DefaultValue("50") String limit) {
        int from = QueryParams.number("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = QueryParams.number("limit", limit, 50, 1, 500);
        var state = lease.state();
        List<SyncRun> recent = runs.recent(from, size);
        Map<String, String> names = directory.names(recent.stream().map(SyncRun::requestedBy)
                .filter(java.util.Objects::nonNull).distinct().toList());
        return recent.stream().map(run -> SyncRunView.of(run, state, names)).toList();
    }

    private Response accepted(SyncAdmission.Outcome outcome) {
        if (!outcome.started()) {
            Map<String, Object> running = outcome.runId() == null ? Map.of()
                    : runs.find(outcome.runId()).<Map<String, Object>>map(r -> Map.of("run", view(r)))
                    .orElse(Map.of());
            throw ProblemException.conflict("A sync run is in progress; one runs at a time", running);
        }
        SyncRun run = runs.find(outcome.runId()).orElseThrow();
        return Response.accepted(view(run))
                .header("Location", "/jbp/api/v1/sync/runs/" + run.id()).build();
    }

    private SyncRunView view(SyncRun run) {
        return SyncRunView.of(run, lease.state(), directory);
    }

    private SyncRun find(String id) {
        return runs.find(Ids.uuid(id, "Sync run")).orElseThrow(() -> ProblemException.notFound("Sync run " + id));
    }
}
