package org.jbp.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The OpenAPI document ({@code /openapi}, from Payara's MicroProfile OpenAPI) as a page integrators can browse:
 * {@code /jbp/api-docs}, drawn by the Swagger UI web-jar the WAR carries under {@code /jbp/webjars/swagger-ui/}.
 * Off unless {@code jbp.openapi.ui-enabled=true}; off, both paths are a plain 404, as if absent.
 */
@WebFilter(urlPatterns = {"/api-docs", "/api-docs/*", "/webjars/*"})
public class ApiDocs extends HttpFilter {

    @Inject
    @ConfigProperty(name = "jbp.openapi.ui-enabled", defaultValue = "false")
    boolean enabled;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!enabled) {
            response.sendError(404);
            return;
        }
        String path = request.getServletPath();
        if (path.startsWith("/webjars/")) {
            chain.doFilter(request, response);
            return;
        }
        String ui = request.getContextPath() + "/webjars/swagger-ui/" + version(request);
        response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(("""
                <!doctype html><html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>JBP API</title><link rel="stylesheet" href="%1$s/swagger-ui.css"></head>
                <body><main id="jbp-api-docs" data-openapi="/openapi"></main>
                <script src="%1$s/swagger-ui-bundle.js"></script>
                <script src="%2$s/api-docs.js"></script></body></html>
                """).formatted(ui, request.getContextPath()).getBytes(StandardCharsets.UTF_8));
    }

    /** The web-jar's version folder, found in the WAR rather than repeated here. */
    private String version(HttpServletRequest request) {
        Set<String> folders = request.getServletContext().getResourcePaths("/webjars/swagger-ui/");
        if (folders == null || folders.isEmpty()) {
            throw new IllegalStateException("the Swagger UI web-jar is missing from the WAR");
        }
        String folder = folders.iterator().next();
        return folder.substring("/webjars/swagger-ui/".length()).replace("/", "");
    }
}
