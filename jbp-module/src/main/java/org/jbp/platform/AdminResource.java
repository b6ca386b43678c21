package org.jbp.platform;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jbp.security.Roles;

/** The application's time, and moving it where the deployment allows (tests, the demo). */
@Path("admin/clock")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@RolesAllowed(Roles.ADMIN)
public class AdminResource {

    @Inject
    ClockProducer clocks;
    @Inject
    Clock clock;
    @Inject
    JsonInput input;

    public record ClockInput(@NotNull Instant now) {
    }

    @GET
    public Map<String, Object> now() {
        return Map.of("now", clock.instant().toString(), "adjustable", clocks.isAdjustable());
    }

    @PUT
    @Operation(summary = "Move the application's time (only with jbp.clock.adjustable=true)")
    public Map<String, Object> move(String body) {
        Instant moved = clocks.moveTo(input.bind(body, ClockInput.class).now());
        return Map.of("now", moved.toString(), "adjustable", true);
    }
}
