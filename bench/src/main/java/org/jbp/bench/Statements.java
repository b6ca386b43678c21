package org.jbp.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the server asks PostgreSQL for: statements per request from pg_stat_statements, and the plans PostgreSQL
 * ran (auto_explain with ANALYZE and BUFFERS, switched on only around the requests being explained). Both
 * libraries are preloaded on the benchmark's own PostgreSQL ({@link #SERVER_CONFIG}).
 */
final class Statements {

    static final Map<String, String> SERVER_CONFIG = Map.of(
            "shared_preload_libraries", "pg_stat_statements,auto_explain",
            "pg_stat_statements.track", "all",
            "auto_explain.log_analyze", "on",
            "auto_explain.log_buffers", "on",
            // log_min_duration stays at its default (-1, off) here: a command-line setting would outrank the
            // ALTER SYSTEM that switches it on around the explained requests
            "auto_explain.log_timing", "off");

    /** Something to count or explain: usually a few requests. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    private final Connection db;
    private final Path serverLog;

    Statements(Connection db, Path serverLog) throws SQLException {
        this.db = db;
        this.serverLog = serverLog;
        try (Statement s = db.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
        }
    }

    /** One statement as pg_stat_statements sums it up since the last reset. */
    record Counted(long calls, long rows, long blocks, String query) {
    }

    /** Runs {@code work} and prints each statement the server issued meanwhile with calls and rows per unit. */
    void count(String what, int units, Work work, PrintStream out) throws Exception {
        long started = System.nanoTime();
        List<Counted> counted = during(work);
        double millisEach = (System.nanoTime() - started) / 1e6 / units;
        double total = 0;
        StringBuilder lines = new StringBuilder();
        for (Counted c : counted) {
            total += c.calls();
            lines.append(String.format("      %6.2f calls %9.1f rows %9.1f blocks  %s%n", c.calls() / (double) units,
                    c.rows() / (double) units, c.blocks() / (double) units,
                    c.query().substring(0, Math.min(160, c.query().length()))));
        }
        out.printf("  %s: %.2f SQL statements per request (%d requests one after another, %.1f ms each)%n%s", what,
                total / units, units, millisEach, lines);
    }

    /**
     * Every statement the server issued while {@code work} ran (between a reset and a read), most calls first,
     * with whitespace collapsed; transaction control, settings and this class's own statements left out.
     */
    List<Counted> during(Work work) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("select pg_stat_statements_reset()");
        }
        work.run();
        List<Counted> counted = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select calls, rows, "
                + "shared_blks_hit + shared_blks_read, regexp_replace(query, '\\s+', ' ', 'g') "
                + "from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database()) "
                + "and query not ilike '%pg_stat_statements%' and query not in ('BEGIN', 'COMMIT', 'ROLLBACK') "
                + "and query not ilike 'SET %' and query not ilike 'SHOW %' order by calls desc")) {
            while (rs.next()) {
                counted.add(new Counted(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
            }
        }
        return counted;
    }

    /** Runs {@code work} with auto_explain on and writes the plans PostgreSQL logged to {@code into}. */
    void explain(Work work, Path into) throws Exception {
        long from = Files.size(serverLog);
        setMinDuration("0");
        try {
            work.run();
        } finally {
            setMinDuration("-1");
        }
        Thread.sleep(300);
        byte[] all = Files.readAllBytes(serverLog);
        Files.createDirectories(into.toAbsolutePath().getParent());
        Files.write(into, java.util.Arrays.copyOfRange(all, (int) from, all.length));
    }

    private void setMinDuration(String millis) throws SQLException, InterruptedException {
        try (Statement s = db.createStatement()) {
            s.execute("alter system set auto_explain.log_min_duration = " + millis);
            s.execute("select pg_reload_conf()");
        }
        Thread.sleep(300);
    }

}
