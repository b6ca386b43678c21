package org.jbp.crm.salesforce;

import org.jbp.crm.SalesforceId;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jbp.crm.CrmException;
import org.jbp.crm.KpiFact;
import org.jbp.crm.KpiFactQuery;
import org.jbp.crm.mapping.Aggregate;
import org.jbp.crm.mapping.KpiMapping;
import org.jbp.crm.mapping.KpiSource;

/**
 * Runs the aggregate queries for KPI facts. Known partner lists go in IN-list chunks sized by
 * {@link AggregateChunkPlanner}; "all partners" pages through partners in id order, 2,000 rows per call,
 * which needs no partner list and fills every call.
 */
final class KpiFactReader {

    private final SalesforceSession session;
    private final KpiMapping mapping;

    private java.time.ZoneId zone;

    KpiFactReader(SalesforceSession session, KpiMapping mapping) {
        this.session = session;
        this.mapping = mapping;
    }

    /**
     * The zone convertTimezone() converts to: the integration user's (getUserInfo's userTimeZone), asked once. Set
     * the integration user's time zone to the org's default so facts fall on the days the org's reports show.
     */
    java.time.ZoneId zone() {
        if (zone == null) {
            String key = userInfo().getUserTimeZone();
            zone = key == null || key.isEmpty() || "GMT".equals(key) ? java.time.ZoneOffset.UTC : java.time.ZoneId.of(key);
        }
        return zone;
    }

    private com.sforce.soap.partner.GetUserInfoResult userInfo;

    /** One getUserInfo per connector: the user's time zone and whether the org is multi-currency. */
    com.sforce.soap.partner.GetUserInfoResult userInfo() {
        if (userInfo == null) {
            userInfo = session.call("getUserInfo", c -> c.getUserInfo());
        }
        return userInfo;
    }

    List<KpiFact> read(KpiFactQuery query) {
        List<KpiSource> sources = new ArrayList<>(query.sourceKeys().stream().sorted().map(mapping::requireSource).toList());
        // only dateTime sources need the user's zone; DATE fields have none
        java.time.ZoneId zone = sources.stream().anyMatch(s -> s.dateType() == org.jbp.crm.mapping.DateType.DATETIME)
                ? zone() : java.time.ZoneOffset.UTC;
        List<String> partnerIds = validPartnerIds(query.partnerIds());
        List<KpiFact> facts = new ArrayList<>();
        // merged queries group by month only; a by-day query reads each source on its own
        if (!query.allPartners() && !partnerIds.isEmpty() && !query.byDay()) {
            for (List<KpiSource> group : mergeableGroups(sources)) {
                MergedAggregateSoql merged = new MergedAggregateSoql(group, zone,
                        query.periodStart(), query.periodEnd());
                int chunkSize = AggregateChunkPlanner.partnersPerChunk(query.monthCount(),
                        merged.groupsPerPartnerAndQuarter(), merged.lengthWithoutPartners());
                if (calls(partnerIds.size(), chunkSize) >= separateCalls(group, query, partnerIds.size(), zone)) {
                    continue;
                }
                List<KpiFact> groupFacts = new ArrayList<>();
                try {
                    for (List<String> chunk : AggregateChunkPlanner.chunks(partnerIds, chunkSize)) {
                        readChunk("aggregate " + group.stream().map(KpiSource::key).collect(Collectors.joining("+")),
                                merged::forPartners, chunk, row -> groupFacts.addAll(merged.facts(row, partnerOf(row))));
                    }
                } catch (CrmException e) {
                    if (!QUERY_TIMEOUT.equals(e.statusCode())) {
                        throw e;
                    }
                    // the merged query was too heavy: its sources are read one by one, and split further if need be
                    querySplits++;
                    continue;
                }
                facts.addAll(MergedAggregateSoql.combine(groupFacts));
                sources.removeAll(group);
            }
        }
        for (KpiSource source : sources) {
            AggregateSoql soql = new AggregateSoql(source, zone, query.periodStart(), query.periodEnd(), query.byDay());
            if (query.allPartners()) {
                readSplittingOnTimeout(source, zone, List.of(), true, query.periodStart(), query.periodEnd(),
                        query.byDay(), facts::add);
            } else if (!partnerIds.isEmpty()) {
                int chunkSize = AggregateChunkPlanner.partnersPerChunk(query.groupsPerPartner(),
                        source.groupsPerPartnerAndQuarter(), soql.lengthWithoutPartners());
                for (List<String> chunk : AggregateChunkPlanner.chunks(partnerIds, chunkSize)) {
                    readSplittingOnTimeout(source, zone, chunk, false, query.periodStart(), query.periodEnd(),
                            query.byDay(), facts::add);
                }
            }
        }
        return sameLabelSummed(facts);
    }

    static final String QUERY_TIMEOUT = "QUERY_TIMEOUT";
    private long querySplits;

    /** Queries Salesforce stopped with QUERY_TIMEOUT and that were answered by smaller ones instead. */
    long querySplits() {
        return querySplits;
    }

    /**
     * One source for one chunk of partners (or all partners) over a period. A QUERY_TIMEOUT is not sent again as
     * it was (the same query takes as long the second time): "rewrite a simpler query" (Bulk API Developer Guide,
     * "How Bulk Queries Are Processed"), "apply additional filter criteria" (Bulk API 2.0, "Troubleshooting Query
     * Timeouts"). So the partners are halved, and a single partner or all partners get half the months, until a
     * query passes or one partner and one month still time out. Facts of an attempt that failed are dropped, so
     * nothing counts twice.
     */
    private void readSplittingOnTimeout(KpiSource source, java.time.ZoneId zone, List<String> partners,
                                        boolean allPartners, java.time.LocalDate start, java.time.LocalDate end,
                                        boolean byDay, Consumer<KpiFact> out) {
        List<KpiFact> attempt = new ArrayList<>();
        try {
            AggregateSoql soql = new AggregateSoql(source, zone, start, end, byDay);
            if (allPartners) {
                readAllPartners(source, soql, byDay, attempt::add);
            } else {
                readChunk("aggregate " + source.key(), soql::forPartners, partners,
                        row -> attempt.add(toFact(source, row, byDay)));
            }
        } catch (CrmException e) {
            if (!QUERY_TIMEOUT.equals(e.statusCode())) {
                throw e;
            }
            int months = (end.getYear() - start.getYear()) * 12 + end.getMonthValue() - start.getMonthValue() + 1;
            if (!allPartners && partners.size() > 1) {
                querySplits++;
                int half = partners.size() / 2;
                readSplittingOnTimeout(source, zone, partners.subList(0, half), false, start, end, byDay, out);
                readSplittingOnTimeout(source, zone, partners.subList(half, partners.size()), false, start, end, byDay,
                        out);
                return;
            }
            if (months > 1) {
                querySplits++;
                // at a month boundary: facts are per month, so the halves' facts are disjoint
                java.time.LocalDate secondHalf = start.withDayOfMonth(1).plusMonths(months / 2);
                readSplittingOnTimeout(source, zone, partners, allPartners, start, secondHalf.minusDays(1), byDay, out);
                readSplittingOnTimeout(source, zone, partners, allPartners, secondHalf, end, byDay, out);
                return;
            }
            throw e;
        }
        attempt.forEach(out);
    }

    /** Two org values under one label (say 'Presales' and 'Pre-Sales') are one fact, as the plan sees them. */
    private static List<KpiFact> sameLabelSummed(List<KpiFact> facts) {
        Map<List<Object>, KpiFact> summed = new java.util.LinkedHashMap<>();
        for (KpiFact f : facts) {
            summed.merge(List.of(f.sourceKey(), f.partnerId(), f.month(), f.breakdown(), f.day()), f,
                    (a, b) -> new KpiFact(a.sourceKey(), a.partnerId(), a.month(), a.breakdown(), a.value().add(b.value()),
                            a.rowCount() + b.rowCount(), a.day()));
        }
        return new ArrayList<>(summed.values());
    }

    /** One IN-list chunk; halves it when Salesforce says it returns more than 2,000 rows. */
    private void readChunk(String operation, Function<List<String>, String> soql, List<String> chunk,
                           Consumer<SObject> out) {
        String text = soql.apply(chunk);
        QueryResult result;
        try {
            result = session.query(operation, text, c -> c.query(text));
        } catch (CrmException e) {
            if (!"EXCEEDED_ID_LIMIT".equals(e.statusCode()) || chunk.size() == 1) {
                throw e;
            }
            int half = chunk.size() / 2;
            readChunk(operation, soql, chunk.subList(0, half), out);
            readChunk(operation, soql, chunk.subList(half, chunk.size()), out);
            return;
        }
        for (SObject row : records(result)) {
            out.accept(row);
        }
    }

    /** Sources that one merged query could serve, two or more per group, in key order. */
    private static List<List<KpiSource>> mergeableGroups(List<KpiSource> sources) {
        Map<String, List<KpiSource>> groups = new TreeMap<>();
        for (KpiSource source : sources) {
            if (MergedAggregateSoql.mergeable(source)) {
                groups.computeIfAbsent(MergedAggregateSoql.key(source), k -> new ArrayList<>()).add(source);
            }
        }
        return groups.values().stream().filter(g -> g.size() > 1).toList();
    }

    /** Calls the sources of a group would take one by one, by the same estimate as their chunking. */
    private int separateCalls(List<KpiSource> group, KpiFactQuery query, int partners, java.time.ZoneId zone) {
        int calls = 0;
        for (KpiSource source : group) {
            AggregateSoql soql = new AggregateSoql(source, zone, query.periodStart(), query.periodEnd());
            calls += calls(partners, AggregateChunkPlanner.partnersPerChunk(query.monthCount(),
                    source.groupsPerPartnerAndQuarter(), soql.lengthWithoutPartners()));
        }
        return calls;
    }

    private static int calls(int partners, int perChunk) {
        return (partners + perChunk - 1) / perChunk;
    }

    /**
     * Pages through all partners: ORDER BY partner LIMIT 2,000. A full page may end in the middle of a partner's
     * rows, so that partner's rows are dropped and the next page starts again at it.
     */
    private void readAllPartners(KpiSource source, AggregateSoql soql, boolean byDay, Consumer<KpiFact> out) {
        Optional<String> after = Optional.empty();
        while (true) {
            String text = soql.forAllPartners(after);
            SObject[] rows = records(session.query("aggregate " + source.key(), text, c -> c.query(text)));
            if (rows.length < AggregateSoql.MAX_AGGREGATE_ROWS) {
                for (SObject row : rows) {
                    out.accept(toFact(source, row, byDay));
                }
                return;
            }
            String lastPartner = partnerOf(rows[rows.length - 1]);
            String previousPartner = null;
            for (SObject row : rows) {
                String partner = partnerOf(row);
                if (!partner.equals(lastPartner)) {
                    out.accept(toFact(source, row, byDay));
                    previousPartner = partner;
                }
            }
            if (previousPartner == null) {
                throw new CrmException(CrmException.Kind.PERMANENT, "TOO_MANY_GROUPS", "Partner " + lastPartner
                        + " alone has 2,000 or more groups for '" + source.key()
                        + "'; choose a breakdown field with fewer values or a shorter period", null);
            }
            after = Optional.of(previousPartner);
        }
    }

    /** Per source key, partners with records changed after {@code since}: GROUP BY partner, paged by partner id. */
    Set<String> partnersTouched(KpiSource source, Instant since) {
        Set<String> partners = new TreeSet<>();
        Optional<String> after = Optional.empty();
        while (true) {
            String text = "SELECT " + source.partnerField() + " p, COUNT(Id) n FROM " + source.object()
                    + " WHERE " + source.partnerField() + " != null"
                    + after.map(id -> " AND " + source.partnerField() + " > " + SoqlLiterals.id(id)).orElse("")
                    + " AND " + changedSince(source, since)
                    + " GROUP BY " + source.partnerField() + " ORDER BY " + source.partnerField()
                    + " LIMIT " + AggregateSoql.MAX_AGGREGATE_ROWS;
            // queryAll: a record deleted since the watermark changed its partner's facts too ("queryAll() ... is
            // otherwise the same as query()", SOAP API Developer Guide, queryAll()); its SystemModstamp is the deletion
            SObject[] rows = records(session.query("touched " + source.key(), text, c -> c.queryAll(text)));
            for (SObject row : rows) {
                partners.add(partnerOf(row));
            }
            if (rows.length < AggregateSoql.MAX_AGGREGATE_ROWS) {
                return partners;
            }
            after = Optional.of(partnerOf(rows[rows.length - 1]));
        }
    }

    /**
     * Live records per partner, for these partners only: {@code SELECT partner p, COUNT(Id) n FROM object WHERE
     * partner IN (...) GROUP BY partner}. One row per partner, so 2,000 partners to a call; the IN-list on the partner
     * lookup (an indexed foreign key) keeps the query selective where a scan of all records would not be.
     */
    Map<String, Long> recordCounts(KpiSource source, Collection<String> partnerIds) {
        Map<String, Long> counts = new TreeMap<>();
        for (List<String> chunk : AggregateChunkPlanner.chunks(validPartnerIds(partnerIds),
                AggregateSoql.MAX_AGGREGATE_ROWS)) {
            countChunk(source, chunk, counts);
        }
        return counts;
    }

    /** One IN-list of partners; a QUERY_TIMEOUT halves it (partners are all this query can be cut by). */
    private void countChunk(KpiSource source, List<String> chunk, Map<String, Long> counts) {
        String text = "SELECT " + source.partnerField() + " p, COUNT(Id) n FROM " + source.object() + " WHERE "
                + source.partnerField() + " IN " + ProgramTiers.inList(chunk) + " GROUP BY " + source.partnerField();
        SObject[] rows;
        try {
            rows = records(session.query("count " + source.key(), text, c -> c.query(text)));
        } catch (CrmException e) {
            if (!QUERY_TIMEOUT.equals(e.statusCode()) || chunk.size() == 1) {
                throw e;
            }
            querySplits++;
            countChunk(source, chunk.subList(0, chunk.size() / 2), counts);
            countChunk(source, chunk.subList(chunk.size() / 2, chunk.size()), counts);
            return;
        }
        for (SObject row : rows) {
            counts.put(partnerOf(row), Records.whole(row, "n"));
        }
    }

    /**
     * A record of the source changed, or a parent it reads through a relationship (an OpportunityPartner source
     * reads Opportunity.Amount and Opportunity.CloseDate: a new amount changes the Opportunity, not the
     * OpportunityPartner row).
     */
    static String changedSince(KpiSource source, Instant since) {
        Set<String> parents = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        List<String> paths = new ArrayList<>(List.of(source.dateField()));
        source.aggregate().field().ifPresent(paths::add);
        source.breakdownField().ifPresent(paths::add);
        source.filters().forEach(f -> paths.add(f.field()));
        for (String path : paths) {
            int dot = path.indexOf('.');
            if (dot > 0) {
                parents.add(path.substring(0, dot));
            }
        }
        String literal = SoqlLiterals.dateTime(since);
        if (parents.isEmpty()) {
            return "SystemModstamp > " + literal;
        }
        StringBuilder any = new StringBuilder("(SystemModstamp > ").append(literal);
        parents.forEach(parent -> any.append(" OR ").append(parent).append(".SystemModstamp > ").append(literal));
        return any.append(")").toString();
    }

    private static SObject[] records(QueryResult result) {
        return result.getRecords() == null ? new SObject[0] : result.getRecords();
    }

    private static String partnerOf(SObject row) {
        String raw = Records.text(row, "p").orElseThrow(() -> new CrmException(CrmException.Kind.PERMANENT,
                "UNEXPECTED_RESULT", "Aggregate row without partner", null));
        return SalesforceId.parse(raw).orElse(raw);
    }

    private static KpiFact toFact(KpiSource source, SObject row, boolean byDay) {
        int year = (int) Records.whole(row, "y");
        int month = (int) Records.whole(row, "m");
        long count = Records.whole(row, "n");
        var value = source.aggregate().function() == Aggregate.Function.COUNT
                ? java.math.BigDecimal.valueOf(count) : Records.decimal(row, "v");
        // the org's picklist value under the label the mapping gives it (Pre-Sales -> PRE_SALES)
        Optional<String> breakdown = source.breakdownField().isPresent()
                ? Records.text(row, "b").map(source::breakdownLabel) : Optional.empty();
        return new KpiFact(source.key(), partnerOf(row), java.time.YearMonth.of(year, month), breakdown, value, count,
                byDay ? (int) Records.whole(row, "d") : 0);
    }

    /** Sorted 18-character ids; one invalid id refuses the whole query, it would otherwise be silently skipped. */
    private static List<String> validPartnerIds(Collection<String> ids) {
        try {
            return ids.stream().map(id -> SalesforceId.require(id, "Partner id")).distinct().sorted().toList();
        } catch (IllegalArgumentException e) {
            throw new CrmException(CrmException.Kind.PERMANENT, "INVALID_ID", e.getMessage(), e);
        }
    }
}
