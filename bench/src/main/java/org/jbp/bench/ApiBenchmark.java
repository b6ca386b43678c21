package org.jbp.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jbp.demo.data.HttpJbpApi;
import org.jbp.demo.runtime.JbpStack;
import org.jbp.demo.runtime.SigningKeys;
import org.jbp.demo.salesforce.DemoPartner;

/**
 * The issue's benchmark: 5,000 plans loaded, then throughput and p99 of {@code GET /plans/{id}} and of a partner's
 * plan list ({@code GET /partners/{accountId}/plans} with that partner's token) under 32 loopback clients, against
 * the trivial {@code GET /jbp/health/live} of the same server in the same run. The trivial endpoint runs first and
 * last, so drift on a shared machine shows. Goal: at least 50% of the trivial endpoint's throughput, p99 under 50 ms.
 *
 * <p>Settings are system properties: {@code jbp.bench.clients} (32), {@code jbp.bench.warmupSeconds} (10),
 * {@code jbp.bench.seconds} (20), {@code jbp.bench.partners} (500), {@code jbp.bench.plansPerPartner} (10),
 * {@code jbp.bench.port} (8480), {@code jbp.bench.payaraJvmOptions} (extra JVM options for Payara, space-separated).
 */
public final class ApiBenchmark {

    static final String ISSUER = "jbp-bench";
    static final double THROUGHPUT_GOAL = 0.5;
    static final double P99_GOAL_MILLIS = 50;

    /** No Salesforce here: the module's timers (sync, outbox, lifecycle) stay off so only the API is measured. */
    static final Map<String, String> QUIET_BACKGROUND = Map.of(
            "JBP_SYNC_SCHEDULER_ENABLED", "false",
            "JBP_OUTBOX_SCHEDULER_ENABLED", "false",
            "JBP_LIFECYCLE_SCHEDULER_ENABLED", "false");

    private ApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        int clients = Integer.getInteger("jbp.bench.clients", 32);
        Duration warmup = Duration.ofSeconds(Integer.getInteger("jbp.bench.warmupSeconds", 10));
        Duration measured = Duration.ofSeconds(Integer.getInteger("jbp.bench.seconds", 20));
        int partnerCount = Integer.getInteger("jbp.bench.partners", 500);
        int plansPerPartner = Integer.getInteger("jbp.bench.plansPerPartner", 10);
        int port = Integer.getInteger("jbp.bench.port", 8480);
        Path runtime = Path.of(System.getProperty("jbp.bench.runtimeDir", "bench/target/runtime"));
        Path data = Path.of(System.getProperty("jbp.bench.dataDir", "bench/target/bench-data"));

        out.println("Starting PostgreSQL and Payara Micro (throw-away database in " + data.toAbsolutePath() + ")");
        JbpStack stack = JbpStack.start(new JbpStack.Settings(data, runtime, port, false, ISSUER, QUIET_BACKGROUND,
                payaraJvmOptions(), Duration.ofMinutes(5), null), out::println);
        Thread stopper = new Thread(() -> close(stack, out), "jbp-bench-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            run(stack, out, clients, warmup, measured, partnerCount, plansPerPartner);
        } finally {
            close(stack, out);
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
    }

    /** -Xmx768m as in the demo and the tests, plus {@code jbp.bench.payaraJvmOptions} (e.g. a flight recording). */
    private static List<String> payaraJvmOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx768m"));
        String extra = System.getProperty("jbp.bench.payaraJvmOptions", "").trim();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        return options;
    }

    private static void close(JbpStack stack, PrintStream out) {
        try {
            stack.close();
        } catch (Exception e) {
            out.println("Stopping Payara Micro or PostgreSQL failed: " + e);
        }
    }

    private static void run(JbpStack stack, PrintStream out, int clients, Duration warmup, Duration measured,
                            int partnerCount, int plansPerPartner) throws InterruptedException {
        SigningKeys keys = stack.keys();
        Duration validity = Duration.ofHours(2);
        String camId = BenchData.userId(1);
        String admin = keys.token(BenchData.userId(2), "Bench admin", List.of("jbp-admin"), null, validity);
        String cam = keys.token(camId, "Bench channel manager", List.of("channel-manager"), null, validity);
        HttpJbpApi api = new HttpJbpApi(stack.baseUri());
        int lastYear = LocalDate.now(ZoneOffset.UTC).getYear() + 1;
        BenchData.Loaded loaded = BenchData.load(api, admin, camId, partnerCount, plansPerPartner, lastYear, 8, 15, out);

        List<String> partnerTokens = new ArrayList<>();
        for (DemoPartner p : loaded.partners()) {
            partnerTokens.add(keys.token(BenchData.userId(1000 + partnerTokens.size()), "Bench partner user",
                    List.of("partner"), p.accountId(), validity));
        }
        URI base = stack.baseUri();
        List<String> planIds = loaded.planIds();
        List<DemoPartner> partners = loaded.partners();
        LoadRunner.Scenario trivial = new LoadRunner.Scenario("GET /jbp/health/live (trivial)",
                () -> get(base.resolve("/jbp/health/live"), null));
        // not a goal: shows how much of an API request the server's JWT check and JAX-RS cost before any of our logic
        LoadRunner.Scenario authenticatedFloor = new LoadRunner.Scenario("GET /admin/clock (JWT+JAX-RS, no SQL)",
                () -> get(base.resolve(HttpJbpApi.API_ROOT + "/admin/clock"), admin));
        LoadRunner.Scenario planRead = new LoadRunner.Scenario("GET /plans/{id} (channel manager)",
                () -> get(base.resolve(HttpJbpApi.API_ROOT + "/plans/"
                        + planIds.get(ThreadLocalRandom.current().nextInt(planIds.size()))), cam));
        LoadRunner.Scenario partnerList = new LoadRunner.Scenario("GET /partners/{id}/plans (partner user)", () -> {
            int i = ThreadLocalRandom.current().nextInt(partners.size());
            return get(base.resolve(HttpJbpApi.API_ROOT + "/partners/" + partners.get(i).accountId() + "/plans"),
                    partnerTokens.get(i));
        });

        out.println("Trivial endpoint: GET /jbp/health/live, the module's own health servlet; it answers "
                + body(get(base.resolve("/jbp/health/live"), null)));
        out.printf("Each scenario: %d clients over 127.0.0.1, %d s warm-up, %d s measured%n", clients,
                warmup.toSeconds(), measured.toSeconds());
        LoadRunner runner = new LoadRunner(clients);
        List<LoadRunner.Outcome> outcomes = new ArrayList<>();
        for (LoadRunner.Scenario scenario : List.of(trivial, authenticatedFloor, planRead, partnerList, trivial)) {
            LoadRunner.Outcome outcome = runner.run(scenario, warmup, measured);
            out.printf("  done: %-42s %8.0f req/s%n", outcome.name(), outcome.throughput());
            outcomes.add(outcome);
        }
        report(out, outcomes, partnerCount, planIds.size(), plansPerPartner);
    }

    private static String body(HttpRequest request) throws InterruptedException {
        try {
            return java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            return "nothing (" + e + ")";
        }
    }

    private static HttpRequest get(URI uri, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private static void report(PrintStream out, List<LoadRunner.Outcome> outcomes, int partners, int plans,
                               int plansPerPartner) {
        double trivialThroughput = (outcomes.get(0).throughput() + outcomes.get(outcomes.size() - 1).throughput()) / 2;
        double floorThroughput = outcomes.get(1).throughput();
        out.println();
        out.printf("Results (%d plans, %d partners with %d plans each; trivial = mean of the first and last run)%n",
                plans, partners, plansPerPartner);
        out.printf("%-42s %9s %9s %9s %9s %9s %7s %7s%n", "scenario", "requests", "req/s", "p50 ms", "p99 ms",
                "max ms", "errors", "ratio");
        for (LoadRunner.Outcome o : outcomes) {
            out.printf("%-42s %9d %9.0f %9.2f %9.2f %9.2f %7d %6.0f%%%n", o.name(), o.requests(), o.throughput(),
                    o.millisAt(50), o.millisAt(99), o.latencyNanos().getMaxValue() / 1e6, o.errors(),
                    100 * o.throughput() / trivialThroughput);
        }
        out.println();
        for (LoadRunner.Outcome o : outcomes.subList(2, 4)) {
            double ratio = o.throughput() / trivialThroughput;
            boolean meets = ratio >= THROUGHPUT_GOAL && o.millisAt(99) < P99_GOAL_MILLIS && o.errors() == 0;
            out.printf("%-42s %s: %.0f%% of trivial throughput (goal >= %.0f%%), p99 %.1f ms (goal < %.0f ms); "
                            + "%.0f%% of the authenticated floor%n",
                    o.name(), meets ? "MEETS the goal" : "MISSES the goal", 100 * ratio, 100 * THROUGHPUT_GOAL,
                    o.millisAt(99), P99_GOAL_MILLIS, 100 * o.throughput() / floorThroughput);
        }
        outcomes.stream().filter(o -> o.firstError() != null).forEach(o ->
                out.println("First error in " + o.name() + ": " + o.firstError()));
    }
}
