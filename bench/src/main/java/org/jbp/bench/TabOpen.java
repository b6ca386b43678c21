package org.jbp.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * What the tab sends when it opens a plan ({@code openPlan} in jbp-module's webapp/tab/app.js). One unit of work is
 * one opened plan. Since issue 16's one read, the tab sends {@code GET /plans/{id}/tab} alone ({@link #inOneRead});
 * {@link #separately} is what it sent before, kept as the baseline measured in the same run.
 */
final class TabOpen {

    /** The seven reads app.js started alongside {@code GET /plans/{id}} before the one read. */
    static final List<String> ALONGSIDE = List.of("approvals", "comments", "revisions", "dashboard", "alerts",
            "reviews", "burn-up");

    /**
     * The template versions each client (one closed-loop thread: one person's open tab) has fetched, as the tab's
     * page kept them: a version never changes, so the tab asked for each once per page load.
     */
    private static final ThreadLocal<Set<String>> FETCHED_TEMPLATE_VERSIONS = ThreadLocal.withInitial(HashSet::new);

    private TabOpen() {
    }

    /**
     * The tab now: one request, the plan with its template version and every part the tab shows.
     *
     * @param request builds a GET with the caller's token for a path under the API root
     */
    static int inOneRead(HttpClient http, String planId, Function<String, HttpRequest> request)
            throws IOException, InterruptedException {
        HttpRequest tab = request.apply("/plans/" + planId + "/tab");
        LoadRunner.expectOk(tab, http.send(tab, HttpResponse.BodyHandlers.ofByteArray()));
        return 1;
    }

    /**
     * The tab before the one read, as the browser issued it: the plan and seven reads that do not depend on it at
     * once, then the plan's template version, which the tab asked for once the plan named it and only if it had not
     * fetched that version before: nine requests, eight once the client knows the plan's template version.
     */
    static int separately(HttpClient http, String planId, Function<String, HttpRequest> request)
            throws IOException, InterruptedException {
        List<CompletableFuture<Void>> alongside = new ArrayList<>();
        for (String part : ALONGSIDE) {
            alongside.add(ok(http, request.apply("/plans/" + planId + "/" + part)));
        }
        HttpRequest planRequest = request.apply("/plans/" + planId);
        try {
            HttpResponse<byte[]> plan = http.sendAsync(planRequest, HttpResponse.BodyHandlers.ofByteArray()).join();
            LoadRunner.expectOk(planRequest, plan);
            JsonObject template;
            try (var reader = Json.createReader(new StringReader(new String(plan.body(), StandardCharsets.UTF_8)))) {
                template = reader.readObject().getJsonObject("template");
            }
            String definitionPath = "/templates/" + template.getString("id") + "?version=" + template.getInt("version");
            // app.js kept each template version it fetched (templateDefinition): a known one cost no request
            boolean known = !FETCHED_TEMPLATE_VERSIONS.get().add(definitionPath);
            CompletableFuture<Void> definition = known ? CompletableFuture.completedFuture(null)
                    : ok(http, request.apply(definitionPath));
            CompletableFuture.allOf(alongside.toArray(CompletableFuture[]::new)).join();
            definition.join();
            return ALONGSIDE.size() + (known ? 1 : 2);
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    private static CompletableFuture<Void> ok(HttpClient http, HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenAccept(reply -> {
            try {
                LoadRunner.expectOk(request, reply);
            } catch (LoadRunner.Refused refused) {
                throw new CompletionException(refused);
            }
        });
    }

}
