package org.jbp.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbp.demo.data.FirstSync;
import org.jbp.demo.data.JbpApi;
import org.jbp.sfsim.SalesforceSimulator;
import org.jbp.sfsim.SimulatorConfig;
import org.jbp.sfsim.generator.GeneratorSpec;
import org.jbp.sfsim.generator.OrgGenerator;

/**
 * Issue 16's alert evaluation at 50,000 plans, measured in sync runs ({@code jbp.bench.alerts}): the bench's Payara
 * syncs against the Salesforce simulator, whose org the simulator's own generator fills with as many partner
 * accounts as the scaled data has partners (their ids are the ones the seed and {@link BenchScale} give the
 * partners, {@link #seedIds} and {@link #copyIds}), with opportunities, campaigns, fund claims and certifications.
 * With the schedulers off, runs are started through the admin API and waited for: a full run, an incremental run
 * with nothing changed, then one after the opportunities of N partners changed, for each N asked for; each between
 * a {@code pg_stat_statements} reset and a read, so what it cost PostgreSQL is every statement of that run.
 */
final class SyncAlerts implements AutoCloseable {

    /**
     * The statements of the alert evaluation (the sync's alerts step: {@code KpiAlerts}, the incentive rules), by
     * the table each names first: what judging reads and writes, and its reads of a chunk's plans and actuals.
     */
    private static final java.util.Set<String> ALERT_TABLES = java.util.Set.of("kpi_alert", "plan_review",
            "notification", "crm_outbox", "incentive_rule");
    private static final Pattern CHUNK_READS = Pattern.compile(
            "(?i)^select .* from (?:business_plan where \\(\\(id in|kpi_actual where \\(plan_id in)");
    /** {@code jbp.sync.watermark-overlap}'s default: an incremental run re-reads what changed this long before. */
    private static final Duration WATERMARK_OVERLAP = Duration.ofSeconds(60);
    private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:from|into|update)\\s+([a-z_]+)");
    private static final int OPPORTUNITIES_CHANGED_PER_PARTNER = 3;

    private final SalesforceSimulator simulator;
    private final SimulatorConfig config;
    private final List<String> partnerIds;

    private SyncAlerts(SalesforceSimulator simulator, SimulatorConfig config, List<String> partnerIds) {
        this.simulator = simulator;
        this.config = config;
        this.partnerIds = partnerIds;
    }

    /** What one run cost: the run as the API reports it, and every statement it issued. */
    record Measured(String what, FirstSync.Outcome run, List<Statements.Counted> statements, long plansJudged,
                    long openAlerts) {

        long calls() {
            return statements.stream().mapToLong(Statements.Counted::calls).sum();
        }

        long rows() {
            return statements.stream().mapToLong(Statements.Counted::rows).sum();
        }

        long blocks() {
            return statements.stream().mapToLong(Statements.Counted::blocks).sum();
        }

        /** The alert evaluation's statements alone, summed into one. */
        Statements.Counted alertEvaluation() {
            List<Statements.Counted> own = statements.stream().filter(c -> ALERT_TABLES.contains(tableOf(c.query()))
                    || CHUNK_READS.matcher(c.query()).find()).toList();
            return new Statements.Counted(own.stream().mapToLong(Statements.Counted::calls).sum(),
                    own.stream().mapToLong(Statements.Counted::rows).sum(),
                    own.stream().mapToLong(Statements.Counted::blocks).sum(), "alert evaluation");
        }
    }

    /** Starts the simulator on a free loopback port and generates its org. */
    static SyncAlerts start(int partners, int opportunities, int campaigns, int certifications, PrintStream out) {
        long started = System.nanoTime();
        SimulatorConfig config = SimulatorConfig.builder().port(0).build();
        SalesforceSimulator simulator = SalesforceSimulator.start(config);
        try {
            OrgGenerator.Generated org = OrgGenerator.generate(simulator.org(),
                    GeneratorSpec.of(partners, opportunities, campaigns, certifications, 16));
            out.printf("Salesforce simulator on %s: %d partner accounts, %d opportunities, %d campaigns, "
                            + "%d certifications generated in %.1f s%n", simulator.soapEndpoint(), partners,
                    opportunities, campaigns, certifications, (System.nanoTime() - started) / 1e9);
            return new SyncAlerts(simulator, config, org.partnerIds());
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    /** The Salesforce login Payara gets, as the demo and the tests pass it. */
    Map<String, String> environment() {
        return Map.of("JBP_SALESFORCE_LOGIN_URL", simulator.soapEndpoint(),
                "JBP_SALESFORCE_USERNAME", config.username(),
                "JBP_SALESFORCE_PASSWORD", config.password());
    }

    /** The seed partner {@code i}'s account id: the org's {@code i}-th partner. */
    IntFunction<String> seedIds() {
        return partnerIds::get;
    }

    /** The {@code n}-th copied partner's account id: the org's partners after the seed's. */
    IntFunction<String> copyIds(int seedPartners) {
        return n -> partnerIds.get(seedPartners + n);
    }

    /**
     * The runs, measured and printed, then a verdict per incremental run: its alert work is proportional to the
     * partners changed when the plans it judged are the changed partners' eligible plans (plus plans no run has
     * computed yet), not all of them.
     */
    List<Measured> measure(JbpApi api, String adminToken, Connection db, Statements statements,
                           List<Integer> changedPartners, int firstChanged, PrintStream out) throws Exception {
        FirstSync syncs = new FirstSync(api, adminToken, Duration.ofMinutes(30));
        out.println();
        out.printf("Alert evaluation in sync runs (%d eligible plans: ACTIVE, or CLOSED within the grace period)%n",
                eligiblePlans(db, null));
        List<Measured> runs = new ArrayList<>();
        runs.add(run("full run", syncs, "full", db, statements, out));
        runs.add(run("incremental, nothing changed", syncs, "incremental", db, statements, out));
        int from = firstChanged;
        List<String> verdicts = new ArrayList<>();
        for (int n : changedPartners) {
            List<String> changed = partnerIds.subList(from, from + n);
            from += n;
            int records = SyncBenchOrg.winDeals(simulator.org(), changed, OPPORTUNITIES_CHANGED_PER_PARTNER);
            long theirPlans = eligiblePlans(db, changed);
            // the run after this one starts reading at this run's start less the overlap: changes made closer than
            // that before this run would be read (and judged) by the next run too
            Thread.sleep(WATERMARK_OVERLAP.plusSeconds(1).toMillis());
            Measured m = run("incremental, " + n + " partners changed (" + records + " opportunities, " + theirPlans
                    + " eligible plans)", syncs, "incremental", db, statements, out);
            runs.add(m);
            Statements.Counted alerts = m.alertEvaluation();
            verdicts.add(String.format("%-66s %s (%d plans judged of %d; alert evaluation %d statements, %d rows, "
                            + "%d blocks)", "alert evaluation, incremental after " + n + " partners changed: theirs only",
                    m.run().status().equals("COMPLETED") && m.plansJudged() <= theirPlans ? "MET" : "MISSED",
                    m.plansJudged(), runs.get(0).plansJudged(), alerts.calls(), alerts.rows(), alerts.blocks()));
        }
        Measured idle = runs.get(1);
        Statements.Counted idleAlerts = idle.alertEvaluation();
        verdicts.add(0, String.format("%-66s %s (%d plans judged of %d; alert evaluation %d statements, %d rows, "
                        + "%d blocks)", "alert evaluation, incremental with nothing changed: judges none",
                idle.run().status().equals("COMPLETED") && idle.plansJudged() == 0 ? "MET" : "MISSED",
                idle.plansJudged(), runs.get(0).plansJudged(), idleAlerts.calls(), idleAlerts.rows(),
                idleAlerts.blocks()));
        Measured full = runs.get(0);
        verdicts.add(0, String.format("%-66s %s (%s, %d plans judged)", "alert evaluation, full run: completes",
                full.run().status().equals("COMPLETED") ? "MET" : "MISSED", full.run().status(), full.plansJudged()));
        out.println();
        out.printf("%-46s %9s %7s %8s %7s %10s %10s %10s | %11s %9s %9s%n", "sync run", "status", "seconds",
                "SF calls", "judged", "statements", "rows", "blocks", "alerts: st.", "rows", "blocks");
        for (Measured m : runs) {
            Statements.Counted alerts = m.alertEvaluation();
            out.printf("%-46s %9s %7d %8d %7d %10d %10d %10d | %11d %9d %9d%n", shorten(m.what(), 46),
                    m.run().status(), m.run().took().toSeconds(), m.run().apiCalls(), m.plansJudged(), m.calls(),
                    m.rows(), m.blocks(), alerts.calls(), alerts.rows(), alerts.blocks());
        }
        verdicts.forEach(out::println);
        return runs;
    }

    private Measured run(String what, FirstSync syncs, String mode, Connection db, Statements statements,
                         PrintStream out) throws Exception {
        FirstSync.Outcome[] outcome = new FirstSync.Outcome[1];
        List<Statements.Counted> counted = statements.during(() -> outcome[0] = syncs.run(mode));
        // the alerts step's items: the plans it judged (it leaves them on the run when the run completes)
        long judged = outcome[0].partners();
        Measured m = new Measured(what, outcome[0], counted, judged, openAlerts(db));
        out.printf("%n  %s: %s in %d s, %d Salesforce calls, %d plans judged, %d alerts open after it, load %s%n",
                what, m.run().status(), m.run().took().toSeconds(), m.run().apiCalls(), judged, m.openAlerts(),
                ApiBenchmark.loadAverage());
        out.printf("    %d statements, %d rows, %d shared blocks in all; the alert evaluation's: %d statements, %d rows, "
                + "%d blocks; all by the table each names first:%n", m.calls(), m.rows(), m.blocks(),
                m.alertEvaluation().calls(), m.alertEvaluation().rows(), m.alertEvaluation().blocks());
        Map<String, long[]> byTable = new TreeMap<>();
        for (Statements.Counted c : counted) {
            long[] sums = byTable.computeIfAbsent(tableOf(c.query()), t -> new long[4]);
            sums[0]++;
            sums[1] += c.calls();
            sums[2] += c.rows();
            sums[3] += c.blocks();
        }
        byTable.forEach((table, s) -> out.printf("      %-28s %3d statements %8d calls %9d rows %9d blocks%n", table,
                s[0], s[1], s[2], s[3]));
        out.println("    the statements reading most blocks:");
        counted.stream().sorted(Comparator.comparingLong(Statements.Counted::blocks).reversed()).limit(12)
                .forEach(c -> out.printf("      %8d calls %9d rows %9d blocks  %s%n", c.calls(), c.rows(), c.blocks(),
                        shorten(c.query(), 150)));
        return m;
    }

    private static String tableOf(String query) {
        Matcher m = TABLE.matcher(query);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "(none)";
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Plans a sync keeps current (as {@code SyncStore.eligiblePlans}), of these partners or (null) of all. */
    private static long eligiblePlans(Connection db, List<String> partners) throws SQLException {
        String sql = "select count(*) from business_plan where (status = 'ACTIVE' or (status = 'CLOSED' "
                + "and closed_at >= now() - interval '30 days'))"
                + (partners == null ? "" : " and partner_account_id = any (?)");
        try (PreparedStatement q = db.prepareStatement(sql)) {
            if (partners != null) {
                q.setArray(1, db.createArrayOf("varchar", partners.toArray()));
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long openAlerts(Connection db) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("select count(*) from kpi_alert where status = 'OPEN'");
             ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        simulator.close();
    }
}
