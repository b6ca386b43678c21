package org.jbp.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jbp.demo.data.DemoContent;
import org.jbp.demo.data.HttpJbpApi;
import org.jbp.demo.runtime.EmbeddedDatabase;
import org.jbp.demo.runtime.JbpStack;
import org.jbp.demo.runtime.SigningKeys;
import org.jbp.demo.salesforce.DemoPartner;

/**
 * Issue 16's benchmark: 1,000 plans loaded through the API and multiplied to 50,000 in SQL ({@link BenchScale}), the
 * SQL statements of each endpoint (pg_stat_statements, auto_explain), then throughput and latency of the plan read,
 * the partner's list, the tab's opening ({@link TabOpen}), the home and the portfolios, each against the trivial
 * {@code GET /jbp/health/live} and the authenticated no-SQL floor {@code GET /admin/clock} of the same server in the
 * same run. The trivial endpoint runs first and last, so drift on a shared machine shows. bench/README.md lists the
 * settings (system properties {@code jbp.bench.*}) and the goals it prints as MET or MISSED.
 */
public final class ApiBenchmark {

    static final String ISSUER = "jbp-bench";

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
        int partnerCount = Integer.getInteger("jbp.bench.partners", 100);
        int plansPerPartner = Integer.getInteger("jbp.bench.plansPerPartner", 10);
        int port = Integer.getInteger("jbp.bench.port", 8480);
        Path runtime = Path.of(System.getProperty("jbp.bench.runtimeDir", "bench/target/runtime"));
        Path data = Path.of(System.getProperty("jbp.bench.dataDir", "bench/target/bench-data"));

        boolean alertsOnly = Boolean.getBoolean("jbp.bench.alertsOnly");
        // a simulated org for the sync runs of the alert scenario: as many partner accounts as the scaled data has
        SyncAlerts org = Boolean.getBoolean("jbp.bench.alerts") || alertsOnly
                ? SyncAlerts.start(partnerCount * (Integer.getInteger("jbp.bench.copies", 49) + 1),
                Integer.getInteger("jbp.bench.orgOpportunities", 100_000),
                Integer.getInteger("jbp.bench.orgCampaigns", 10_000),
                Integer.getInteger("jbp.bench.orgCertifications", 20_000), out) : null;
        Map<String, String> environment = new java.util.HashMap<>(QUIET_BACKGROUND);
        if (org != null) {
            environment.putAll(org.environment());
        }
        out.println("Starting PostgreSQL and Payara Micro (throw-away database in " + data.toAbsolutePath() + ")");
        JbpStack stack;
        try {
            stack = JbpStack.start(new JbpStack.Settings(data, runtime, port, false, ISSUER, environment,
                    payaraJvmOptions(), Duration.ofMinutes(5), null, Statements.SERVER_CONFIG), out::println);
        } catch (Exception | Error e) {
            if (org != null) {
                org.close();
            }
            throw e;
        }
        Thread stopper = new Thread(() -> close(stack, org, out), "jbp-bench-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            run(stack, org, alertsOnly, out, clients, warmup, measured, partnerCount, plansPerPartner);
        } finally {
            close(stack, org, out);
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

    private static void close(JbpStack stack, SyncAlerts org, PrintStream out) {
        try {
            stack.close();
        } catch (Exception e) {
            out.println("Stopping Payara Micro or PostgreSQL failed: " + e);
        }
        if (org != null) {
            org.close();
        }
    }

    private static void run(JbpStack stack, SyncAlerts org, boolean alertsOnly, PrintStream out, int clients,
                            Duration warmup, Duration measured, int partnerCount, int plansPerPartner)
            throws Exception {
        SigningKeys keys = stack.keys();
        Duration validity = Duration.ofHours(2);
        String camId = BenchData.userId(1);
        String admin = keys.token(BenchData.userId(2), "Bench admin", List.of("jbp-admin"), null, validity);
        String cam = keys.token(camId, "Bench channel manager", List.of("channel-manager"), null, validity);
        HttpJbpApi api = new HttpJbpApi(stack.baseUri());
        int lastYear = LocalDate.now(ZoneOffset.UTC).getYear() + 1;
        // the seed through the API: every partner and plan of the one channel manager
        BenchData.Loaded loaded = BenchData.load(api, admin, camId, org == null ? BenchData::accountId
                : org.seedIds(), partnerCount, plansPerPartner, lastYear, 8, 15, out);
        int copies = Integer.getInteger("jbp.bench.copies", 49);
        int duePerPass = Integer.getInteger("jbp.bench.duePerPass", 50);
        Connection db = BenchScale.connect(stack.database().jdbcUrl(), EmbeddedDatabase.USER,
                EmbeddedDatabase.PASSWORD);
        long allPlans = BenchScale.multiply(db, copies, 10, duePerPass, org == null
                ? n -> BenchData.accountId(100_000 + n) : org.copyIds(partnerCount), out);
        Statements statements = new Statements(db, Path.of(System.getProperty("jbp.bench.dataDir", "bench/target/bench-data"), "logs", "postgres.log"));
        if (alertsOnly) {
            alertScenario(org, api, admin, db, statements, partnerCount, out);
            return;
        }

        List<String> partnerTokens = new ArrayList<>();
        for (DemoPartner p : loaded.partners()) {
            partnerTokens.add(keys.token(BenchData.userId(1000 + partnerTokens.size()), "Bench partner user",
                    List.of("partner"), p.accountId(), validity));
        }
        URI base = stack.baseUri();
        List<String> planIds = loaded.planIds();
        List<DemoPartner> partners = loaded.partners();
        String adminFilter = "/dashboard/portfolio?tier=" + DemoContent.PLATINUM + "&region=EMEA";
        LoadRunner.Scenario trivial = LoadRunner.Scenario.of("GET /jbp/health/live (trivial)",
                () -> get(base.resolve("/jbp/health/live"), null));
        // not a goal: shows how much of an API request the server's JWT check and JAX-RS cost before any of our logic
        LoadRunner.Scenario floor = LoadRunner.Scenario.of("GET /admin/clock (JWT+JAX-RS, no SQL)",
                () -> api(base, "/admin/clock", admin));
        LoadRunner.Scenario planRead = LoadRunner.Scenario.of("GET /plans/{id} (channel manager)",
                () -> api(base, "/plans/" + planIds.get(ThreadLocalRandom.current().nextInt(planIds.size())), cam));
        LoadRunner.Scenario partnerList = LoadRunner.Scenario.of("GET /partners/{id}/plans (partner user)", () -> {
            int i = ThreadLocalRandom.current().nextInt(partners.size());
            return api(base, "/partners/" + partners.get(i).accountId() + "/plans", partnerTokens.get(i));
        });
        LoadRunner.Scenario tabOpen = new LoadRunner.Scenario("open the tab: GET /plans/{id}/tab (1 request)", http ->
                TabOpen.inOneRead(http, planIds.get(ThreadLocalRandom.current().nextInt(planIds.size())),
                        path -> api(base, path, cam)));
        // the tab before its one read, measured in the same run: the ratio between the two is the cut
        LoadRunner.Scenario tabOpenSeparately = new LoadRunner.Scenario("open the tab as before (8-9 requests)",
                http -> TabOpen.separately(http, planIds.get(ThreadLocalRandom.current().nextInt(planIds.size())),
                        path -> api(base, path, cam)));
        LoadRunner.Scenario camHome = LoadRunner.Scenario.of("GET /home (channel manager, 1,000 plans)",
                () -> api(base, "/home", cam));
        LoadRunner.Scenario camPortfolio = LoadRunner.Scenario.of("GET /dashboard/portfolio (channel manager)",
                () -> api(base, "/dashboard/portfolio", cam));
        LoadRunner.Scenario adminPortfolio = LoadRunner.Scenario.of("GET /dashboard/portfolio?tier&region (admin)",
                () -> api(base, adminFilter, admin));
        // the same filter, a page of 50 as the home shows (the portfolio's default page is its cap, 500 lines)
        LoadRunner.Scenario adminPortfolioPage = LoadRunner.Scenario.of("  ... &limit=50 (admin, a page of 50)",
                () -> api(base, adminFilter + "&limit=50", admin));

        out.println("Trivial endpoint: GET /jbp/health/live, the module's own health servlet; it answers "
                + body(get(base.resolve("/jbp/health/live"), null)));
        out.printf("%d plans in all, %d of them the channel manager's; %d partners through the API%n", allPlans,
                planIds.size(), partners.size());

        tabSize(base, planIds.get(0), cam, out);
        out.println();
        out.println("SQL statements per request (pg_stat_statements, one request at a time):");
        HttpClient single = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int units = 20;
        statements.count("GET /plans/{id}", units, () -> repeat(units, planRead, single), out);
        statements.count("GET /partners/{id}/plans", units, () -> repeat(units, partnerList, single), out);
        statements.count("open the tab: GET /plans/{id}/tab", units, () -> repeat(units, tabOpen, single), out);
        statements.count("open the tab as before (8-9 requests)", units,
                () -> repeat(units, tabOpenSeparately, single), out);
        statements.count("GET /home (channel manager)", units, () -> repeat(units, camHome, single), out);
        statements.count("GET /dashboard/portfolio (channel manager)", units,
                () -> repeat(units, camPortfolio, single), out);
        statements.count("GET " + adminFilter + " (admin)", units, () -> repeat(units, adminPortfolio, single), out);
        statements.count("GET " + adminFilter + "&limit=50 (admin)", units,
                () -> repeat(units, adminPortfolioPage, single), out);
        statements.count("lifecycle pass (POST /admin/lifecycle/run) with " + duePerPass + " plans due", 1,
                () -> out.println("    lifecycle pass answered " + api.send("POST", "/admin/lifecycle/run", admin,
                        "", null).body()), out);
        statements.count("lifecycle pass with nothing due", 1,
                () -> out.println("    lifecycle pass answered " + api.send("POST", "/admin/lifecycle/run", admin,
                        "", null).body()), out);
        Path explained = Path.of(System.getProperty("jbp.bench.explainDir", "bench/target/explain"));
        statements.explain(() -> repeat(1, camHome, single), explained.resolve("home-channel-manager.log"));
        statements.explain(() -> repeat(1, camPortfolio, single), explained.resolve("portfolio-channel-manager.log"));
        statements.explain(() -> repeat(1, adminPortfolio, single), explained.resolve("portfolio-admin-tier-region.log"));
        statements.explain(() -> repeat(1, planRead, single), explained.resolve("plan-read.log"));
        statements.explain(() -> repeat(1, partnerList, single), explained.resolve("partner-list.log"));
        statements.explain(() -> repeat(1, tabOpen, single), explained.resolve("plan-tab.log"));
        statements.explain(() -> api.send("POST", "/admin/lifecycle/run", admin, "", null),
                explained.resolve("lifecycle-pass.log"));
        out.println("EXPLAIN (ANALYZE, BUFFERS) of each endpoint's statements (auto_explain): "
                + explained.toAbsolutePath() + "/*.log");

        LoadRunner runner = new LoadRunner(clients);
        // people with the tab open: the tab's opening and the home and portfolio pages are measured with these
        LoadRunner browsers = new LoadRunner(Integer.getInteger("jbp.bench.tabUsers", 8));
        List<Run> runs = new ArrayList<>(List.of(new Run(runner, trivial), new Run(runner, floor)));
        // jbp.bench.listsOnly: the floors and the home and portfolio pages, for a quicker run of the list pages
        if (!Boolean.getBoolean("jbp.bench.listsOnly")) {
            runs.addAll(List.of(new Run(runner, planRead), new Run(runner, partnerList), new Run(browsers, tabOpen),
                    new Run(runner, tabOpen), new Run(browsers, tabOpenSeparately),
                    new Run(runner, tabOpenSeparately)));
        }
        // jbp.bench.tabOnly: the floors, the plan requests and the tab, for a quicker run (e.g. under a profile)
        if (!Boolean.getBoolean("jbp.bench.tabOnly")) {
            runs.addAll(List.of(new Run(browsers, camHome), new Run(browsers, camPortfolio),
                    new Run(browsers, adminPortfolio), new Run(browsers, adminPortfolioPage)));
        }
        runs.add(new Run(runner, trivial));
        out.printf("%nWarming every scenario (%d s each, the trivial endpoint too), then measuring each for %d s%n",
                warmup.toSeconds(), measured.toSeconds());
        for (Run r : runs.subList(0, runs.size() - 1)) {
            r.runner().warm(r.scenario(), warmup);
        }
        out.println("  load average after warm-up: " + loadAverage());
        List<LoadRunner.Outcome> outcomes = new ArrayList<>();
        Path profileDir = System.getProperty("jbp.bench.profileDir") == null ? null
                : Path.of(System.getProperty("jbp.bench.profileDir"));
        for (Run r : runs) {
            // a flight recording per profiled scenario, around its measured run only, so its samples are that scenario's
            String recordingName = r.runner() != browsers ? null : r.scenario() == tabOpen ? "tab-open-8-users"
                    : r.scenario() == camHome ? "home-channel-manager"
                    : r.scenario() == adminPortfolio ? "portfolio-admin-500" : null;
            boolean profiled = profileDir != null && recordingName != null;
            Path recording = profiled ? Profile.start(stack.payara().pid(), profileDir, recordingName) : null;
            LoadRunner.Outcome outcome = r.runner().measure(r.scenario(), measured);
            if (profiled) {
                Profile.stop(stack.payara().pid(), recordingName);
                Profile.summarise(recording, 25, out);
            }
            out.printf("  done: %-48s %3d clients %8.0f units/s  load %s%n", outcome.name(), outcome.clients(),
                    outcome.throughput(), loadAverage());
            outcomes.add(outcome);
        }
        report(out, outcomes, allPlans, planIds.size());
        if (org != null) {
            alertScenario(org, api, admin, db, statements, partnerCount, out);
        }
    }

    /**
     * The sync runs of the alert scenario, last: a sync describes the partners as the org has them (owner, tier),
     * which would change the channel manager's scope under the other scenarios. {@code jbp.bench.changedPartners}
     * lists the N of the incremental runs after changes; the changed partners are copies, after the seed's.
     */
    private static void alertScenario(SyncAlerts org, HttpJbpApi api, String admin, Connection db,
                                      Statements statements, int seedPartners, PrintStream out) throws Exception {
        List<Integer> changed = java.util.Arrays.stream(System.getProperty("jbp.bench.changedPartners", "10,100")
                .split(",")).map(String::trim).map(Integer::valueOf).toList();
        out.println("  load average before the sync runs: " + loadAverage());
        org.measure(api, admin, db, statements, changed, seedPartners, out);
        out.println("  load average after the sync runs: " + loadAverage());
    }

    /** How many bytes the one read answers, and how many of them are the template version it includes. */
    private static void tabSize(URI base, String planId, String token, PrintStream out) throws InterruptedException {
        String tab = body(api(base, "/plans/" + planId + "/tab", token));
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(tab))) {
            int template = reader.readObject().getJsonObject("template").toString().length();
            out.printf("GET /plans/{id}/tab answers %,d characters of JSON, %,d of them the template version%n",
                    tab.length(), template);
        }
    }

    private record Run(LoadRunner runner, LoadRunner.Scenario scenario) {
    }

    private static void repeat(int times, LoadRunner.Scenario scenario, HttpClient http) throws Exception {
        for (int i = 0; i < times; i++) {
            scenario.action().perform(http);
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static HttpRequest api(URI base, String path, String token) {
        return get(base.resolve(HttpJbpApi.API_ROOT + path), token);
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

    private static void report(PrintStream out, List<LoadRunner.Outcome> outcomes, long plans, long camPlans) {
        double trivial = (outcomes.get(0).httpThroughput() + outcomes.get(outcomes.size() - 1).httpThroughput()) / 2;
        double floor = outcomes.get(1).httpThroughput();
        out.println();
        out.printf("Results (%d plans, %d of them the channel manager's; trivial = mean of its first and last run; "
                + "a unit is one request, or one opened tab: 1 request now, 8 or 9 as before)%n", plans, camPlans);
        out.printf("%-48s %7s %8s %8s %9s %8s %8s %8s %6s %8s %8s%n", "scenario", "clients", "units", "units/s",
                "HTTP req/s", "p50 ms", "p99 ms", "max ms", "errors", "/trivial", "/floor");
        for (LoadRunner.Outcome o : outcomes) {
            out.printf("%-48s %7d %8d %8.0f %9.0f %8.2f %8.2f %8.2f %6d %7.0f%% %7.0f%%%n", o.name(), o.clients(),
                    o.requests(), o.throughput(), o.httpThroughput(), o.millisAt(50), o.millisAt(99),
                    o.latencyNanos().getMaxValue() / 1e6, o.errors(), 100 * o.httpThroughput() / trivial,
                    100 * o.httpThroughput() / floor);
        }
        out.println();
        // the plan and tab scenarios come right after the floors unless jbp.bench.listsOnly left them out
        boolean tabMeasured = outcomes.size() > 4 && outcomes.get(4).name().startsWith("open the tab");
        int firstList = tabMeasured ? 8 : 2;
        if (tabMeasured) {
            LoadRunner.Outcome tab8 = outcomes.get(4);
            LoadRunner.Outcome tab32 = outcomes.get(5);
            LoadRunner.Outcome before8 = outcomes.get(6);
            LoadRunner.Outcome before32 = outcomes.get(7);
            verdict(out, "open the tab, 8 users: p50 < 40 ms, p99 < 150 ms", tab8.millisAt(50) < 40
                    && tab8.millisAt(99) < 150 && tab8.errors() == 0, String.format("p50 %.1f ms, p99 %.1f ms",
                    tab8.millisAt(50), tab8.millisAt(99)));
            verdict(out, "open the tab, 32 clients: >= 70% of the floor per request", tab32.httpThroughput() >= 0.7 * floor
                    && tab32.errors() == 0, String.format("%.0f%% of the floor", 100 * tab32.httpThroughput() / floor));
            out.printf("The one read against the tab as before, same run: %.2fx the tabs/s with 8 users (p50 %.1f -> %.1f ms, "
                            + "p99 %.1f -> %.1f ms), %.2fx with 32 clients%n", tab8.throughput() / before8.throughput(),
                    before8.millisAt(50), tab8.millisAt(50), before8.millisAt(99), tab8.millisAt(99),
                    tab32.throughput() / before32.throughput());
        }
        for (LoadRunner.Outcome o : outcomes.subList(firstList, outcomes.size() - 1)) {
            verdict(out, o.name() + ": p99 < 300 ms", o.millisAt(99) < 300 && o.errors() == 0,
                    String.format("p99 %.1f ms", o.millisAt(99)));
        }
        outcomes.stream().filter(o -> o.firstError() != null).forEach(o ->
                out.println("First error in " + o.name() + ": " + o.firstError()));
    }

    private static void verdict(PrintStream out, String goal, boolean met, String measured) {
        out.printf("%-66s %s (%s)%n", goal, met ? "MET" : "MISSED", measured);
    }
}
