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

    /**
     * {@code scriptOrigin}: the one origin besides this server the page may load scripts from, the org that
     * serves the Canvas SDK (null: none).
     */
    static void render(ServletContext context, HttpServletResponse response, JsonObject boot, String frameAncestors,
            String scriptOrigin) throws IOException {
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
        securityHeaders(response, frameAncestors, scriptOrigin);
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }

    /** scheme://host[:port] of a URL, or null. */
    static String origin(String url) {
        if (url == null) {
            return null;
        }
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    static void securityHeaders(HttpServletResponse response, String frameAncestors) {
        securityHeaders(response, frameAncestors, null);
    }

    static void securityHeaders(HttpServletResponse response, String frameAncestors, String scriptOrigin) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        String scripts = scriptOrigin == null ? "'self'" : "'self' " + scriptOrigin;
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src " + scripts + "; "
                + "style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors 'self' " + frameAncestors);
    }
}
