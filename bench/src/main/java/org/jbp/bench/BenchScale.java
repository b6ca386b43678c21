package org.jbp.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The benchmark's own SQL, run on its throw-away PostgreSQL after the seed was loaded through the REST API: the
 * seed's partners and plans copied {@code copies} times under new partner accounts (valid Salesforce ids, other
 * channel managers), so 50,000 plans take a minute instead of the hours the API would. Copies keep every column of
 * their seed plan (content, template version, period), get a new id, their new partner and owner. Then each plan's
 * status follows its period as the lifecycle would have left it: ended CLOSED, running ACTIVE, future APPROVED;
 * and {@code duePerPass} running plans are given an ended period so a lifecycle pass has that much to close.
 * Copies have no revisions, comments or approval steps (the seed plans the tab opens have theirs).
 */
final class BenchScale {

    private BenchScale() {
    }

    static Connection connect(String jdbcUrl, String user, String password) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /**
     * Copies the seed partners and plans; the {@code n}-th copied partner (from 0) gets the account id
     * {@code copyIds.apply(n)}. Returns the number of plans afterwards.
     */
    static long multiply(Connection db, int copies, int firstOwner, int duePerPass, IntFunction<String> copyIds,
                         PrintStream out)
            throws SQLException {
        long started = System.nanoTime();
        List<String> seedPartners = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "select account_id from partner order by account_id")) {
            while (rs.next()) {
                seedPartners.add(rs.getString(1));
            }
        }
        try (Statement s = db.createStatement()) {
            s.execute("create temporary table bench_partner_copy (seed varchar(18), copy varchar(18), "
                    + "owner varchar(18))");
        }
        try (PreparedStatement insert = db.prepareStatement("insert into bench_partner_copy values (?, ?, ?)")) {
            int n = 0;
            for (int c = 1; c <= copies; c++) {
                String owner = BenchData.userId(firstOwner + c);
                for (String seed : seedPartners) {
                    insert.setString(1, seed);
                    insert.setString(2, copyIds.apply(n++));
                    insert.setString(3, owner);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        String planColumns = columnsOf(db, "business_plan", "id", "partner_account_id", "owner_id");
        String partnerColumns = columnsOf(db, "partner", "account_id", "owner_id", "name");
        try (Statement s = db.createStatement()) {
            s.executeUpdate("insert into partner (account_id, owner_id, name, " + partnerColumns + ") "
                    + "select c.copy, c.owner, p.name || ' copy ' || c.copy, " + prefixed("p", partnerColumns)
                    + " from partner p join bench_partner_copy c on c.seed = p.account_id");
            s.executeUpdate("insert into business_plan (id, partner_account_id, owner_id, " + planColumns + ") "
                    + "select gen_random_uuid(), c.copy, c.owner, " + prefixed("b", planColumns)
                    + " from business_plan b join bench_partner_copy c on c.seed = b.partner_account_id");
            s.executeUpdate("update business_plan set status = case when period_end < current_date then 'CLOSED' "
                    + "when period_start > current_date then 'APPROVED' else 'ACTIVE' end");
            s.executeUpdate("update business_plan set period_end = current_date - 1 where id in (select id from "
                    + "business_plan where status = 'ACTIVE' order by id limit " + duePerPass + ")");
            s.execute("analyze");
        }
        long plans;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select count(*) from business_plan")) {
            rs.next();
            plans = rs.getLong(1);
        }
        out.printf("Multiplied in PostgreSQL: %d partners x %d copies, %d plans in all, in %.1f s%n",
                seedPartners.size(), copies, plans, (System.nanoTime() - started) / 1e9);
        return plans;
    }

    /** The table's columns but {@code except}, comma-separated, in table order. */
    private static String columnsOf(Connection db, String table, String... except) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("select column_name from information_schema.columns "
                + "where table_schema = current_schema() and table_name = ? order by ordinal_position")) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (!List.of(except).contains(rs.getString(1))) {
                        columns.add(rs.getString(1));
                    }
                }
            }
        }
        return String.join(", ", columns);
    }

    private static String prefixed(String alias, String columns) {
        return alias + "." + columns.replace(", ", ", " + alias + ".");
    }
}
