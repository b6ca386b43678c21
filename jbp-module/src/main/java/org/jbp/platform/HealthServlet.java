package org.jbp.platform;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The module's own health under its context root ({@code /jbp/health/ready}, {@code /jbp/health/live}), in the
 * MicroProfile Health JSON form, so a load balancer in front of several applications can probe this one alone.
 * The server-wide {@code /health} endpoint reports the same checks.
 */
@WebServlet(urlPatterns = {"/health", "/health/*"})
public class HealthServlet extends HttpServlet {

    @Inject
    @Any
    Instance<HealthCheck> checks;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String which = request.getPathInfo() == null ? "/" : request.getPathInfo();
        Instance<HealthCheck> selected = switch (which) {
            case "/ready" -> checks.select(Readiness.Literal.INSTANCE);
            case "/live" -> checks.select(Liveness.Literal.INSTANCE);
            case "/", "" -> checks;
            default -> null;
        };
        if (selected == null) {
            response.sendError(404);
            return;
        }
        boolean up = true;
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (HealthCheck check : selected) {
            HealthCheckResponse result = check.call();
            up &= result.getStatus() == HealthCheckResponse.Status.UP;
            JsonObjectBuilder item = Json.createObjectBuilder()
                    .add("name", result.getName())
                    .add("status", result.getStatus().name());
            result.getData().ifPresent(data -> {
                JsonObjectBuilder d = Json.createObjectBuilder();
                data.forEach((k, v) -> d.add(k, String.valueOf(v)));
                item.add("data", d);
            });
            list.add(item);
        }
        response.setStatus(up ? 200 : 503);
        response.setContentType("application/json");
        response.getWriter().write(Json.createObjectBuilder()
                .add("status", up ? "UP" : "DOWN").add("checks", list).build().toString());
    }
}
