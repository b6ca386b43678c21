package org.jbp.approval.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jbp.approval.control.LifecycleScheduler;
import org.jbp.security.Roles;

/** Runs the minute's lifecycle pass now, for an admin who cannot wait for it. */
@Path("admin/lifecycle/run")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class LifecycleJobResource {

    @Inject
    LifecycleScheduler scheduler;

    @POST
    @Operation(summary = "Escalate overdue steps, activate, flag overdue reviews and close ended plans now")
    public Map<String, Integer> run() {
        return Map.of("changed", scheduler.runNow());
    }
}
