package org.jbp.bench;

import jakarta.json.Json;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import org.jbp.demo.data.DemoContent;
import org.jbp.demo.data.JbpApi;
import org.jbp.demo.salesforce.DemoPartner;
import org.jbp.sfsim.store.SalesforceIds;

/**
 * The benchmark's data, loaded through the API like the demo's: partners across the four tiers, a template per
 * tier, and for each partner one plan per fiscal year with the demo's full content. Creation runs on a small pool so
 * the load is bounded, and the whole load on a deadline.
 */
final class BenchData {

    private static final List<String> TIERS = List.of(DemoContent.PLATINUM, DemoContent.GOLD, DemoContent.SILVER,
            DemoContent.REGISTERED);

    /** What was loaded: plan ids to read, partners whose lists to read. */
    record Loaded(List<String> planIds, List<DemoPartner> partners) {
    }

    private BenchData() {
    }

    /** Salesforce-style 18-character ids, valid checksum, far from the demo org's sequences. */
    static String accountId(int i) {
        return SalesforceIds.of("001", 7_000_000L + i);
    }

    static String userId(int i) {
        return SalesforceIds.of("005", 7_000_000L + i);
    }

    /**
     * Loads the seed: partner {@code i} gets the account id {@code accountIds.apply(i)} ({@link #accountId}, or the
     * simulated org's own when the bench syncs against one).
     */
    static Loaded load(JbpApi api, String adminToken, String channelManagerId, IntFunction<String> accountIds,
                       int partnerCount, int plansPerPartner, int lastFiscalYear, int concurrency,
                       long deadlineMinutes, PrintStream out) throws InterruptedException {
        List<DemoPartner> partners = new ArrayList<>();
        for (int i = 0; i < partnerCount; i++) {
            partners.add(new DemoPartner(accountIds.apply(i), "Bench partner " + (i + 1), TIERS.get(i % TIERS.size()),
                    i % 3 == 0 ? "Consulting" : "Reseller", channelManagerId, i % 2 == 0 ? "EMEA" : "AMER"));
        }
        Map<String, String> templates = Map.of(
                DemoContent.PLATINUM, create(api, adminToken, "/templates", DemoContent.strategicTemplate(userId(0))
                        .toString()),
                DemoContent.SILVER, create(api, adminToken, "/templates", DemoContent.salesTemplate().toString()),
                DemoContent.REGISTERED, create(api, adminToken, "/templates", DemoContent.starterTemplate().toString()));

        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            long started = System.nanoTime();
            List<Future<String>> registered = new ArrayList<>();
            for (DemoPartner p : partners) {
                registered.add(pool.submit(() -> {
                    String body = Json.createObjectBuilder().add("name", p.name()).add("tier", p.tier())
                            .add("partnerType", p.partnerType()).add("ownerId", p.ownerId()).add("region", p.region())
                            .build().toString();
                    return expect(api.send("PUT", "/partners/" + p.accountId(), adminToken, body, null), 200,
                            "PUT /partners/" + p.accountId()).body();
                }));
            }
            await(registered, deadlineMinutes);
            List<Future<String>> plans = new ArrayList<>();
            for (int year = lastFiscalYear - plansPerPartner + 1; year <= lastFiscalYear; year++) {
                for (DemoPartner p : partners) {
                    String template = templates.get(DemoContent.GOLD.equals(p.tier()) ? DemoContent.PLATINUM : p.tier());
                    String body = DemoContent.plan(p, template, year).toString();
                    int number = plans.size() + 1;
                    plans.add(pool.submit(() -> {
                        String id = idOf(expect(api.send("POST", "/plans", adminToken, body, null), 201,
                                "POST /plans").body());
                        if (number % 1000 == 0) {
                            out.printf("  %d plans created%n", number);
                        }
                        return id;
                    }));
                }
            }
            List<String> planIds = await(plans, deadlineMinutes);
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("Loaded %d partners and %d plans in %.1f s (%.0f plans/s, %d concurrent requests)%n",
                    partners.size(), planIds.size(), seconds, planIds.size() / seconds, concurrency);
            return new Loaded(Collections.unmodifiableList(planIds), List.copyOf(partners));
        } finally {
            pool.shutdownNow();
        }
    }

    private static String create(JbpApi api, String token, String path, String body) {
        return idOf(expect(api.send("POST", path, token, body, null), 201, "POST " + path).body());
    }

    private static String idOf(String json) {
        try (var reader = Json.createReader(new java.io.StringReader(json))) {
            return reader.readObject().getString("id");
        }
    }

    private static JbpApi.Reply expect(JbpApi.Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new IllegalStateException(what + " answered " + reply.status() + ": " + reply.body());
        }
        return reply;
    }

    private static <T> List<T> await(List<Future<T>> futures, long deadlineMinutes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(deadlineMinutes);
        List<T> results = new ArrayList<>(futures.size());
        try {
            for (Future<T> f : futures) {
                results.add(f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("loading the benchmark data failed: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("loading the benchmark data took longer than " + deadlineMinutes
                    + " minutes", e);
        }
        return results;
    }
}
