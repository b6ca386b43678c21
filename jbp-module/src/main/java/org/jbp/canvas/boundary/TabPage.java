package org.jbp.canvas.boundary;

import jakarta.json.JsonObject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Renders the tab's HTML shell with the boot data (token included) as inert JSON the page reads once and
 * removes. Headers keep it out of caches and let only Salesforce frame it.
 */
final class TabPage {

    private TabPage() {
    }

    static void render(ServletContext context, HttpServletResponse response, JsonObject boot, String frameAncestors)
            throws IOException {
        String html;
        try (InputStream in = context.getResourceAsStream("/WEB-INF/canvas/tab.html")) {
            if (in == null) {
                throw new IOException("WEB-INF/canvas/tab.html missing from the WAR");
            }
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // JSON inside <script type="application/json">: "<" escaped so no "</script>" can end it early
        String json = boot.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        html = html.replace("{{CTX}}", context.getContextPath()).replace("{{BOOT}}", json);
        securityHeaders(response, frameAncestors);
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }

    static void securityHeaders(HttpServletResponse response, String frameAncestors) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
                + "style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors 'self' " + frameAncestors);
    }
}
