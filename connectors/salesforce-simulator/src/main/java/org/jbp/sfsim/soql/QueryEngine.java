package org.jbp.sfsim.soql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jbp.sfsim.store.OrgCalendar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jbp.sfsim.store.ApiFaultException;
import org.jbp.sfsim.store.FaultKind;
import org.jbp.sfsim.store.FieldDef;
import org.jbp.sfsim.store.FieldType;
import org.jbp.sfsim.store.Record;
import org.jbp.sfsim.store.RecordStore;
import org.jbp.sfsim.store.SObjectType;
import org.jbp.sfsim.store.SalesforceIds;
import org.jbp.sfsim.store.Schema;

/** Compiles SOQL against the schema and runs it over a {@link RecordStore}. */
public final class QueryEngine {

    /** Salesforce's limit on the length of a SOQL statement. */
    public static final int MAX_SOQL_LENGTH = 100_000;
    /** Aggregate queries cannot use queryMore, so they must fit one batch. */
    public static final int MAX_AGGREGATE_ROWS = 2_000;

    private static final Set<String> AGGREGATES = Set.of("COUNT", "COUNT_DISTINCT", "SUM", "AVG", "MIN", "MAX");

    private final RecordStore store;

    public QueryEngine(RecordStore store) {
        this.store = store;
    }

    /** Parses and resolves; throws {@link ApiFaultException} (MALFORMED_QUERY, INVALID_FIELD, INVALID_TYPE ...). */
    public CompiledQuery compile(String soql) {
        if (soql == null || soql.isBlank()) {
            throw new ApiFaultException("MALFORMED_QUERY", "empty query", FaultKind.MALFORMED_QUERY, 1, 1);
        }
        if (soql.length() > MAX_SOQL_LENGTH) {
            throw new ApiFaultException("MALFORMED_QUERY", "SOQL statements cannot be longer than 100,000 characters.",
                    FaultKind.MALFORMED_QUERY, -1, -1);
        }
        Ast.Query q = new Parser(soql).parse();
        return new Compiler(soql, q, store.schema()).compile();
    }

    /** Runs a compiled query; call it under the store's read lock. */
    public QueryResult execute(CompiledQuery q, boolean includeDeleted) {
        return execute(q, includeDeleted, Long.MAX_VALUE);
    }

    /**
     * As {@link #execute(CompiledQuery, boolean)}; a query matching more than {@code timeoutOver} records fails
     * with QUERY_TIMEOUT (see FaultInjector.queryTimeoutOver). The message is the one orgs answer with.
     */
    public QueryResult execute(CompiledQuery q, boolean includeDeleted, long timeoutOver) {
        QueryResult result = run(q, includeDeleted, timeoutOver);
        return result;
    }

    private QueryResult run(CompiledQuery q, boolean includeDeleted, long timeoutOver) {
        int[] size = new int[1];
        Record[] rows = store.snapshot(q.type(), size);
        Predicate<Record> where = q.where();
        int wanted = q.limit() == null ? Integer.MAX_VALUE : q.offset() + q.limit();
        boolean canStopEarly = !q.aggregate() && q.recordOrder() == null;
        if (q.countOnly()) {
            int n = 0;
            for (int i = 0; i < size[0] && n < wanted; i++) {
                Record r = rows[i];
                if ((includeDeleted || !r.deleted()) && where.test(r)) {
                    n++;
                }
            }
            return new QueryResult(q, List.of(), List.of(), Math.max(0, n - q.offset()));
        }
        List<Record> matched = new ArrayList<>();
        for (int i = 0; i < size[0]; i++) {
            Record r = rows[i];
            if ((includeDeleted || !r.deleted()) && where.test(r)) {
                matched.add(r);
                if (matched.size() > timeoutOver) {
                    throw new ApiFaultException("QUERY_TIMEOUT", "Your query request was running for too long.",
                            FaultKind.UNEXPECTED_ERROR);
                }
                if (canStopEarly && matched.size() >= wanted) {
                    break;
                }
            }
        }
        if (!q.aggregate()) {
            if (q.recordOrder() != null) {
                matched.sort(q.recordOrder());
            }
            return new QueryResult(q, window(matched, q), List.of(), 0);
        }
        List<Object[]> grouped = window(group(q, matched), q);
        if (grouped.size() > MAX_AGGREGATE_ROWS) {
            throw new ApiFaultException("EXCEEDED_ID_LIMIT", "Aggregate query does not support queryMore(), use LIMIT "
                    + "to restrict the results to a single batch", FaultKind.UNEXPECTED_ERROR);
        }
        return new QueryResult(q, List.of(), grouped, 0);
    }

    private static <T> List<T> window(List<T> all, CompiledQuery q) {
        int from = Math.min(q.offset(), all.size());
        int to = q.limit() == null ? all.size() : (int) Math.min(all.size(), (long) from + q.limit());
        return from == 0 && to == all.size() ? all : new ArrayList<>(all.subList(from, to));
    }

    private static List<Object[]> group(CompiledQuery q, List<Record> matched) {
        List<Function<Record, Object>> keys = q.groupGetters;
        List<AggregateSpec> specs = q.aggregateSpecs;
        Map<List<Object>, Accumulator[]> groups = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            groups.put(List.of(), newAccumulators(specs));
        }
        for (Record r : matched) {
            Object[] key = new Object[keys.size()];
            for (int k = 0; k < key.length; k++) {
                key[k] = keys.get(k).apply(r);
            }
            Accumulator[] acc = groups.computeIfAbsent(Arrays.asList(key), x -> newAccumulators(specs));
            for (int a = 0; a < acc.length; a++) {
                acc[a].add(specs.get(a).argument == null ? Boolean.TRUE : specs.get(a).argument.apply(r));
            }
        }
        List<Object[]> rows = new ArrayList<>(groups.size());
        for (Map.Entry<List<Object>, Accumulator[]> g : groups.entrySet()) {
            Object[] row = new Object[q.aggregateColumns().size()];
            for (AggregateSpec s : specs) {
                row[s.column] = groups.get(g.getKey())[specs.indexOf(s)].result();
            }
            for (int k = 0; k < q.groupColumns.length; k++) {
                for (int col : q.groupColumns[k]) {
                    row[col] = g.getKey().get(k);
                }
            }
            rows.add(row);
        }
        rows.sort(q.rowOrder());
        return rows;
    }

    private static Accumulator[] newAccumulators(List<AggregateSpec> specs) {
        Accumulator[] acc = new Accumulator[specs.size()];
        for (int i = 0; i < acc.length; i++) {
            acc[i] = new Accumulator(specs.get(i).function);
        }
        return acc;
    }

    /** One aggregate function of the select list: what it reads and where its result goes. */
    static final class AggregateSpec {
        final String function;
        final Function<Record, Object> argument;
        final int column;

        AggregateSpec(String function, Function<Record, Object> argument, int column) {
            this.function = function;
            this.argument = argument;
            this.column = column;
        }
    }

    private static final class Accumulator {
        private final String function;
        private long count;
        private double sum;
        private boolean any;
        private Object best;
        private Set<Object> distinct;

        Accumulator(String function) {
            this.function = function;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        void add(Object v) {
            if (v == null) {
                return;
            }
            count++;
            switch (function) {
                case "SUM", "AVG" -> {
                    sum += ((Number) v).doubleValue();
                    any = true;
                }
                case "MIN" -> best = best == null || compareValues(v, best) < 0 ? v : best;
                case "MAX" -> best = best == null || compareValues(v, best) > 0 ? v : best;
                case "COUNT_DISTINCT" -> {
                    if (distinct == null) {
                        distinct = new HashSet<>();
                    }
                    distinct.add(v instanceof String s ? s.toLowerCase(Locale.ROOT) : v);
                }
                default -> {
                }
            }
        }

        Object result() {
            return switch (function) {
                case "COUNT" -> (int) count;
                case "COUNT_DISTINCT" -> distinct == null ? 0 : distinct.size();
                case "SUM" -> any ? sum : null;
                case "AVG" -> any ? sum / count : null;
                default -> best;
            };
        }
    }

    /** Orders values of one type; strings ignore case as SOQL does, ids compare on their 15-character form. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareToIgnoreCase(y);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return ((Comparable) a).compareTo(b);
    }

    static <T> Comparator<T> nullAware(Function<T, Object> getter, boolean descending, Boolean nullsFirst) {
        boolean nf = nullsFirst != null ? nullsFirst : !descending;
        return (x, y) -> {
            Object a = getter.apply(x);
            Object b = getter.apply(y);
            if (a == null || b == null) {
                if (a == b) {
                    return 0;
                }
                return (a == null) == nf ? -1 : 1;
            }
            int c = compareValues(a, b);
            return descending ? -c : c;
        };
    }

    // ------------------------------------------------------------------ compiler

    /** Resolves one parsed query. */
    private final class Compiler {
        private final String soql;
        private final Ast.Query q;
        private final Schema schema;
        private SObjectType type;

        Compiler(String soql, Ast.Query q, Schema schema) {
            this.soql = soql;
            this.q = q;
            this.schema = schema;
        }

        /** A resolved operand: how to read it and the type of its values. */
        private record Resolved(Function<Record, Object> getter, FieldType type, FieldDef reference, FieldDef field,
                                String name) {
        }

        CompiledQuery compile() {
            Token from = q.from();
            type = schema.type(from.text()).filter(t -> !store.hidden(t)).orElseThrow(() ->
                    SoqlErrors.invalidType(soql, from.row(), from.column(), from.text()));
            Predicate<Record> where = q.where() == null ? r -> true : condition(q.where());
            boolean aggregate = !q.countOnly() && (!q.groupBy().isEmpty()
                    || q.select().stream().anyMatch(s -> s.operand().isFunction()
                    && AGGREGATES.contains(s.operand().function())));
            int offset = q.offset() == null ? 0 : q.offset();
            if (q.countOnly()) {
                return new CompiledQuery(soql, type, true, false, List.of(), List.of(), where, null, null, q.limit(),
                        offset, List.of(), List.of(), store::findLive);
            }
            if (!aggregate) {
                return plain(where, offset);
            }
            return aggregate(where, offset);
        }

        private CompiledQuery plain(Predicate<Record> where, int offset) {
            List<OutputNode> shape = new ArrayList<>();
            Map<String, Integer> parents = new HashMap<>();
            Set<String> seen = new HashSet<>();
            for (Ast.SelectItem item : q.select()) {
                Ast.Operand op = item.operand();
                if (op.isFunction()) {
                    throw SoqlErrors.malformed(soql, op.at(), "Field must be grouped or aggregated: " + op.path());
                }
                if (item.alias() != null) {
                    throw SoqlErrors.unexpected(soql, op.at());
                }
                Resolved r = resolve(op);
                String key = (r.reference() == null ? "" : r.reference().relationshipName() + ".") + r.field().name();
                if (!seen.add(key.toLowerCase(Locale.ROOT))) {
                    throw SoqlErrors.malformed(soql, op.at(), "duplicate field selected: " + op.path());
                }
                if (r.reference() == null) {
                    shape.add(new OutputNode.Field(r.field()));
                } else {
                    Integer at = parents.get(r.reference().name());
                    if (at == null) {
                        parents.put(r.reference().name(), shape.size());
                        List<FieldDef> fields = new ArrayList<>();
                        fields.add(r.field());
                        shape.add(new OutputNode.Parent(r.reference(),
                                schema.type(r.reference().referenceTo()).orElseThrow(), fields));
                    } else {
                        ((OutputNode.Parent) shape.get(at)).fields().add(r.field());
                    }
                }
            }
            Comparator<Record> order = null;
            for (Ast.OrderItem o : q.orderBy()) {
                if (o.operand().isFunction()) {
                    throw SoqlErrors.malformed(soql, o.operand().at(), "Ordering by a function requires GROUP BY");
                }
                Resolved r = resolve(o.operand());
                Comparator<Record> c = nullAware(r.getter(), o.descending(), o.nullsFirst());
                order = order == null ? c : order.thenComparing(c);
            }
            List<OutputNode> frozen = new ArrayList<>();
            for (OutputNode n : shape) {
                frozen.add(n instanceof OutputNode.Parent p
                        ? new OutputNode.Parent(p.reference(), p.target(), List.copyOf(p.fields())) : n);
            }
            return new CompiledQuery(soql, type, false, false, List.copyOf(frozen), List.of(), where, order, null,
                    q.limit(), offset, List.of(), List.of(), store::findLive);
        }

        private CompiledQuery aggregate(Predicate<Record> where, int offset) {
            List<Ast.Operand> groupBy = q.groupBy();
            List<Function<Record, Object>> groupGetters = new ArrayList<>();
            List<String> groupKeys = new ArrayList<>();
            for (Ast.Operand g : groupBy) {
                if (g.isFunction() && AGGREGATES.contains(g.function())) {
                    throw SoqlErrors.malformed(soql, g.at(), "Cannot group by an aggregated field: " + g.function());
                }
                groupGetters.add(resolve(g).getter());
                groupKeys.add(g.key());
            }
            List<AggregateColumn> columns = new ArrayList<>();
            List<AggregateSpec> specs = new ArrayList<>();
            List<List<Integer>> groupColumns = new ArrayList<>();
            for (int k = 0; k < groupBy.size(); k++) {
                groupColumns.add(new ArrayList<>());
            }
            Map<String, Integer> aliases = new HashMap<>();
            Map<String, Integer> byKey = new HashMap<>();
            int expr = 0;
            for (Ast.SelectItem item : q.select()) {
                Ast.Operand op = item.operand();
                int col = columns.size();
                String name;
                String xsi;
                boolean isAggregate = op.isFunction() && AGGREGATES.contains(op.function());
                if (isAggregate) {
                    Resolved arg = op.path() == null ? null : resolve(op);
                    String fn = op.function();
                    if ((fn.equals("SUM") || fn.equals("AVG")) && !arg.type().isNumeric()) {
                        throw SoqlErrors.malformed(soql, op.at(), "field " + op.path()
                                + " does not support aggregate operator " + fn);
                    }
                    name = item.alias() != null ? item.alias() : "expr" + expr++;
                    xsi = switch (fn) {
                        case "COUNT", "COUNT_DISTINCT" -> "xsd:int";
                        case "SUM", "AVG" -> "xsd:double";
                        default -> xsdOf(arg.type());
                    };
                    specs.add(new AggregateSpec(fn, arg == null ? null : corporate(arg), col));
                } else {
                    int k = groupKeys.indexOf(op.key());
                    if (k < 0) {
                        throw SoqlErrors.malformed(soql, op.at(), "Field must be grouped or aggregated: "
                                + (op.isFunction() ? op.function() + "(" + op.path() + ")" : op.path()));
                    }
                    Resolved r = resolve(op);
                    if (op.isFunction()) {
                        name = item.alias() != null ? item.alias() : "expr" + expr++;
                    } else {
                        name = item.alias() != null ? item.alias() : r.field().name();
                    }
                    xsi = xsdOf(r.type());
                    groupColumns.get(k).add(col);
                }
                if (item.alias() != null) {
                    if (aliases.put(item.alias().toLowerCase(Locale.ROOT), col) != null) {
                        throw SoqlErrors.malformed(soql, op.at(), "duplicate alias: " + item.alias());
                    }
                }
                byKey.putIfAbsent(op.key(), col);
                columns.add(new AggregateColumn(name, xsi));
            }
            Comparator<Object[]> order = null;
            for (Ast.OrderItem o : q.orderBy()) {
                Ast.Operand op = o.operand();
                Integer col = !op.isFunction() && op.path() != null
                        ? aliases.get(op.path().toLowerCase(Locale.ROOT)) : null;
                if (col == null) {
                    col = byKey.get(op.key());
                }
                if (col == null) {
                    throw SoqlErrors.malformed(soql, op.at(), "Ordered field must be grouped or aggregated: "
                            + (op.path() == null ? op.function() : op.path()));
                }
                int c = col;
                Comparator<Object[]> cmp = nullAware(row -> row[c], o.descending(), o.nullsFirst());
                order = order == null ? cmp : order.thenComparing(cmp);
            }
            if (order == null) {
                // Without ORDER BY, groups come back sorted by the grouped values, as a sort-based GROUP BY does.
                for (List<Integer> cols : groupColumns) {
                    if (!cols.isEmpty()) {
                        int c = cols.get(0);
                        Comparator<Object[]> cmp = nullAware(row -> row[c], false, null);
                        order = order == null ? cmp : order.thenComparing(cmp);
                    }
                }
                if (order == null) {
                    order = (a, b) -> 0;
                }
            }
            CompiledQuery compiled = new CompiledQuery(soql, type, false, true, List.of(), List.copyOf(columns),
                    where, null, order, q.limit(), offset, groupGetters, specs, store::findLive);
            compiled.groupColumns = new int[groupColumns.size()][];
            for (int k = 0; k < groupColumns.size(); k++) {
                compiled.groupColumns[k] = groupColumns.get(k).stream().mapToInt(Integer::intValue).toArray();
            }
            return compiled;
        }

        private String xsdOf(FieldType t) {
            return t.isIdLike() ? "xsd:string" : t.soapType();
        }

        private Resolved resolve(Ast.Operand op) {
            Token at = op.at();
            if (op.path() == null) {
                throw SoqlErrors.unexpected(soql, at);
            }
            String[] split = op.path().split("\\.", -1);
            Resolved base;
            final String[] parts = split.length == 2 && split[0].equalsIgnoreCase(type.name())
                    && type.relationship(split[0]).isEmpty() ? new String[] {split[1]} : split;
            if (parts.length == 1) {
                FieldDef f = type.field(parts[0]).filter(x -> !store.hidden(x)).orElseThrow(() -> SoqlErrors.invalidField(soql, at.row(),
                        at.column(), ApiFaultException.noSuchColumnMessage(parts[0], type.name())));
                int idx = f.index();
                base = new Resolved(idx == SObjectType.ID ? Record::id : r -> r.get(idx), f.type(), null, f, f.name());
            } else if (parts.length == 2) {
                String relName = parts[0];
                FieldDef ref = type.relationship(relName).orElseThrow(() -> SoqlErrors.invalidField(soql, at.row(),
                        at.column(), "Didn't understand relationship '" + relName + "' in field path. If you are "
                                + "attempting to use a custom relationship, be sure to append the '__r' after the "
                                + "custom relationship name. Please reference your WSDL or the describe call for the "
                                + "appropriate names."));
                SObjectType target = schema.type(ref.referenceTo()).orElseThrow(() -> SoqlErrors.invalidField(soql,
                        at.row(), at.column(), "Didn't understand relationship '" + relName + "' in field path."));
                String fieldName = parts[1];
                FieldDef f = target.field(fieldName).filter(x -> !store.hidden(x)).orElseThrow(() -> SoqlErrors.invalidField(soql, at.row(),
                        at.column(), ApiFaultException.noSuchColumnMessage(fieldName, target.name())));
                int refIdx = ref.index();
                int idx = f.index();
                base = new Resolved(r -> {
                    Object id = r.get(refIdx);
                    if (id == null) {
                        return null;
                    }
                    Record p = store.findLive((String) id);
                    return p == null ? null : p.get(idx);
                }, f.type(), ref, f, f.name());
            } else {
                throw SoqlErrors.invalidField(soql, at.row(), at.column(), "Relationships deeper than one level ("
                        + op.path() + ") are not supported by the simulator");
            }
            if (!op.isFunction() || AGGREGATES.contains(op.function())) {
                return base;
            }
            return dateFunction(op, base);
        }

        /**
         * "If a query includes a GROUP BY or HAVING clause, any currency data returned by using an aggregate
         * function, such as SUM() or MAX(), is in the org's default currency" (SOQL and SOSL Reference,
         * convertCurrency()): each record's amount is converted from its own CurrencyIsoCode first.
         */
        private Function<Record, Object> corporate(Resolved arg) {
            if (!store.multiCurrency() || arg.type() != FieldType.CURRENCY) {
                return arg.getter();
            }
            Function<Record, Object> value = arg.getter();
            Function<Record, Object> owner = arg.reference() == null ? r -> r : r -> {
                Object id = r.get(arg.reference().index());
                return id == null ? null : store.findLive((String) id);
            };
            return r -> {
                Object v = value.apply(r);
                Object o = owner.apply(r);
                if (!(v instanceof Number n) || !(o instanceof Record rec)) {
                    return v;
                }
                Object iso = rec.type().field("CurrencyIsoCode").map(f -> rec.get(f.index())).orElse(null);
                if (rec.type().name().equals("Opportunity")) {
                    // advanced currency management: the dated rate of the opportunity's CloseDate
                    Object close = rec.type().field("CloseDate").map(f -> rec.get(f.index())).orElse(null);
                    return store.toCorporate(n.doubleValue(), iso, close instanceof LocalDate d ? d : null);
                }
                return store.toCorporate(n.doubleValue(), iso);
            };
        }

        private Resolved dateFunction(Ast.Operand op, Resolved base) {
            if (base.type() != FieldType.DATE && base.type() != FieldType.DATETIME) {
                throw SoqlErrors.malformed(soql, op.at(), op.function() + " may only be used with date or dateTime "
                        + "fields: " + op.path());
            }
            Function<Record, Object> g = base.getter();
            // dateTime values are grouped in UTC unless convertTimezone() asks for the user's time zone
            // (SOQL and SOSL Reference, convertTimezone()); DATE values have no time zone
            ZoneId zone = op.userTimeZone() ? store.userTimeZone() : ZoneOffset.UTC;
            OrgCalendar calendar = store.calendar();
            if (op.function().startsWith("FISCAL_") && calendar.customFiscalYears()) {
                throw SoqlErrors.malformed(soql, op.at(), op.function() + " is not supported for orgs with custom "
                        + "fiscal years");
            }
            Function<Record, Object> fn = switch (op.function()) {
                case "CALENDAR_YEAR" -> r -> date(g.apply(r), zone, LocalDate::getYear);
                case "CALENDAR_QUARTER" -> r -> date(g.apply(r), zone, d -> (d.getMonthValue() + 2) / 3);
                case "CALENDAR_MONTH" -> r -> date(g.apply(r), zone, LocalDate::getMonthValue);
                // "Returns a number representing the day in the month of a date field" (SOQL and SOSL Reference,
                // "Date Functions")
                case "DAY_IN_MONTH" -> r -> date(g.apply(r), zone, LocalDate::getDayOfMonth);
                case "FISCAL_YEAR" -> r -> date(g.apply(r), zone, calendar::fiscalYear);
                case "FISCAL_QUARTER" -> r -> date(g.apply(r), zone, calendar::fiscalQuarter);
                case "DAY_ONLY" -> r -> {
                    Object v = g.apply(r);
                    return v == null ? null : v instanceof Instant i ? LocalDate.ofInstant(i, zone) : v;
                };
                default -> throw SoqlErrors.malformed(soql, op.at(), "Unknown function: " + op.function());
            };
            FieldType t = op.function().equals("DAY_ONLY") ? FieldType.DATE : FieldType.INT;
            return new Resolved(fn, t, base.reference(), base.field(), base.name());
        }

        private Object date(Object v, ZoneId zone, Function<LocalDate, Integer> part) {
            if (v == null) {
                return null;
            }
            LocalDate d = v instanceof Instant i ? LocalDate.ofInstant(i, zone) : (LocalDate) v;
            return part.apply(d);
        }

        // -------------------------------------------------------------- WHERE

        private Predicate<Record> condition(Ast.Condition c) {
            if (c instanceof Ast.And and) {
                List<Predicate<Record>> parts = and.parts().stream().map(this::condition).toList();
                return r -> {
                    for (Predicate<Record> p : parts) {
                        if (!p.test(r)) {
                            return false;
                        }
                    }
                    return true;
                };
            }
            if (c instanceof Ast.Or or) {
                List<Predicate<Record>> parts = or.parts().stream().map(this::condition).toList();
                return r -> {
                    for (Predicate<Record> p : parts) {
                        if (p.test(r)) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            if (c instanceof Ast.Not not) {
                return condition(not.inner()).negate();
            }
            if (c instanceof Ast.Compare cmp) {
                return compare(cmp);
            }
            if (c instanceof Ast.InList in) {
                return in(in);
            }
            return like((Ast.Like) c);
        }

        private void noAggregates(Ast.Operand op) {
            if (op.isFunction() && AGGREGATES.contains(op.function())) {
                throw SoqlErrors.malformed(soql, op.at(), "Aggregate functions are not allowed in WHERE; use HAVING");
            }
        }

        private Predicate<Record> compare(Ast.Compare cmp) {
            noAggregates(cmp.left());
            Resolved left = resolve(cmp.left());
            Function<Record, Object> g = left.getter();
            String op = cmp.operator();
            Ast.Literal lit = cmp.value();
            if (lit.isNull()) {
                return switch (op) {
                    case "=" -> r -> g.apply(r) == null;
                    case "!=" -> r -> g.apply(r) != null;
                    default -> throw SoqlErrors.malformed(soql, lit.at(), "unexpected token: null");
                };
            }
            if (lit.relative() != null) {
                if (left.type() != FieldType.DATE && left.type() != FieldType.DATETIME) {
                    throw typeMismatch(left, lit);
                }
                DateLiterals.Range range = DateLiterals.range(lit.relative(), lit.n(),
                        LocalDate.ofInstant(store.clock().instant(), ZoneOffset.UTC));
                Object lo;
                Object hiExclusive;
                if (left.type() == FieldType.DATE) {
                    lo = range.first();
                    hiExclusive = range.last().plusDays(1);
                } else {
                    lo = range.first().atStartOfDay(ZoneOffset.UTC).toInstant();
                    hiExclusive = range.last().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                Predicate<Object> inRange = v -> compareValues(v, lo) >= 0 && compareValues(v, hiExclusive) < 0;
                return switch (op) {
                    case "=" -> r -> {
                        Object v = g.apply(r);
                        return v != null && inRange.test(v);
                    };
                    case "!=" -> r -> {
                        Object v = g.apply(r);
                        return v == null || !inRange.test(v);
                    };
                    case "<" -> r -> {
                        Object v = g.apply(r);
                        return v != null && compareValues(v, lo) < 0;
                    };
                    case "<=" -> r -> {
                        Object v = g.apply(r);
                        return v != null && compareValues(v, hiExclusive) < 0;
                    };
                    case ">" -> r -> {
                        Object v = g.apply(r);
                        return v != null && compareValues(v, hiExclusive) >= 0;
                    };
                    default -> r -> {
                        Object v = g.apply(r);
                        return v != null && compareValues(v, lo) >= 0;
                    };
                };
            }
            Object value = coerce(left, lit);
            if (left.type().isIdLike()) {
                String id15 = (String) value;
                return switch (op) {
                    case "=" -> r -> {
                        Object v = g.apply(r);
                        return v != null && ((String) v).regionMatches(0, id15, 0, 15);
                    };
                    case "!=" -> r -> {
                        Object v = g.apply(r);
                        return v == null || !((String) v).regionMatches(0, id15, 0, 15);
                    };
                    default -> ordered(g, op, id15);
                };
            }
            if (left.type().isText()) {
                String s = (String) value;
                return switch (op) {
                    case "=" -> r -> {
                        Object v = g.apply(r);
                        return v != null ? ((String) v).equalsIgnoreCase(s) : s.isEmpty();
                    };
                    case "!=" -> r -> {
                        Object v = g.apply(r);
                        return v != null ? !((String) v).equalsIgnoreCase(s) : !s.isEmpty();
                    };
                    default -> ordered(g, op, s);
                };
            }
            return switch (op) {
                case "=" -> r -> {
                    Object v = g.apply(r);
                    return v != null && compareValues(v, value) == 0;
                };
                case "!=" -> r -> {
                    Object v = g.apply(r);
                    return v == null || compareValues(v, value) != 0;
                };
                default -> ordered(g, op, value);
            };
        }

        private Predicate<Record> ordered(Function<Record, Object> g, String op, Object value) {
            return switch (op) {
                case "<" -> r -> {
                    Object v = g.apply(r);
                    return v != null && compareValues(v, value) < 0;
                };
                case "<=" -> r -> {
                    Object v = g.apply(r);
                    return v != null && compareValues(v, value) <= 0;
                };
                case ">" -> r -> {
                    Object v = g.apply(r);
                    return v != null && compareValues(v, value) > 0;
                };
                default -> r -> {
                    Object v = g.apply(r);
                    return v != null && compareValues(v, value) >= 0;
                };
            };
        }

        private Predicate<Record> in(Ast.InList in) {
            noAggregates(in.left());
            Resolved left = resolve(in.left());
            Function<Record, Object> g = left.getter();
            Set<Object> values = new HashSet<>();
            boolean includesNull = false;
            for (Ast.Literal lit : in.values()) {
                if (lit.isNull()) {
                    includesNull = true;
                    continue;
                }
                if (lit.relative() != null) {
                    throw SoqlErrors.unexpected(soql, lit.at());
                }
                Object v = coerce(left, lit);
                values.add(normalize(left.type(), v));
            }
            boolean nullMatches = includesNull;
            FieldType t = left.type();
            Predicate<Record> member = r -> {
                Object v = g.apply(r);
                return v == null ? nullMatches : values.contains(normalize(t, v));
            };
            return in.negated() ? member.negate() : member;
        }

        private Object normalize(FieldType t, Object v) {
            if (t.isIdLike()) {
                return ((String) v).substring(0, 15);
            }
            if (t.isText()) {
                return ((String) v).toLowerCase(Locale.ROOT);
            }
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            return v;
        }

        private Predicate<Record> like(Ast.Like like) {
            noAggregates(like.left());
            Resolved left = resolve(like.left());
            Ast.Literal lit = like.pattern();
            if (lit.kind() != Token.Kind.STRING) {
                throw SoqlErrors.unexpected(soql, lit.at());
            }
            if (!left.type().isText() && !left.type().isIdLike()) {
                throw SoqlErrors.invalidField(soql, lit.at().row(), lit.at().column(), "invalid operator on "
                        + left.type().describeName() + " field: " + left.name());
            }
            Pattern p = likePattern(lit.likeText());
            Function<Record, Object> g = left.getter();
            return r -> {
                Object v = g.apply(r);
                return v != null && p.matcher((String) v).matches();
            };
        }

        private Pattern likePattern(String like) {
            StringBuilder re = new StringBuilder();
            for (int k = 0; k < like.length(); k++) {
                char c = like.charAt(k);
                if (c == '\\' && k + 1 < like.length()) {
                    re.append(Pattern.quote(String.valueOf(like.charAt(++k))));
                } else if (c == '%') {
                    re.append(".*");
                } else if (c == '_') {
                    re.append('.');
                } else {
                    re.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
        }

        /** The literal as a stored value of the operand's type, or the error Salesforce gives for a mismatch. */
        private Object coerce(Resolved left, Ast.Literal lit) {
            FieldType t = left.type();
            Token.Kind k = lit.kind();
            if (t.isIdLike()) {
                if (k != Token.Kind.STRING) {
                    throw typeMismatch(left, lit);
                }
                if (!SalesforceIds.isValid(lit.text())) {
                    throw SoqlErrors.at(soql, lit.at().row(), lit.at().column(), "INVALID_QUERY_FILTER_OPERATOR",
                            FaultKind.API_QUERY, "invalid ID field: " + lit.text());
                }
                return SalesforceIds.to18(lit.text());
            }
            if (t.isText()) {
                if (k != Token.Kind.STRING) {
                    throw typeMismatch(left, lit);
                }
                return lit.text();
            }
            switch (t) {
                case BOOLEAN:
                    if (!lit.isBoolean()) {
                        throw typeMismatch(left, lit);
                    }
                    return Boolean.valueOf(lit.text().toLowerCase(Locale.ROOT));
                case DATE:
                    if (k != Token.Kind.DATE) {
                        throw typeMismatch(left, lit);
                    }
                    return LocalDate.parse(lit.text());
                case DATETIME:
                    if (k != Token.Kind.DATETIME) {
                        throw typeMismatch(left, lit);
                    }
                    return java.time.OffsetDateTime.parse(lit.text().length() == 20 || lit.text().contains(".")
                            || !lit.text().endsWith("Z") ? lit.text() : lit.text()).toInstant();
                default:
                    if (k != Token.Kind.NUMBER) {
                        throw typeMismatch(left, lit);
                    }
                    return Double.valueOf(lit.text());
            }
        }

        private ApiFaultException typeMismatch(Resolved left, Ast.Literal lit) {
            FieldType t = left.type();
            String typeName = t.isIdLike() ? "id" : t.isText() ? "string" : t == FieldType.DATETIME ? "dateTime"
                    : t.soapType().substring(t.soapType().indexOf(':') + 1);
            String quoting = t.isText() || t.isIdLike() ? "should be enclosed in quotes" : "should not be enclosed in quotes";
            return SoqlErrors.invalidField(soql, lit.at().row(), lit.at().column(), "value of filter criterion for "
                    + "field '" + left.name() + "' must be of type " + typeName + " and " + quoting);
        }
    }
}
