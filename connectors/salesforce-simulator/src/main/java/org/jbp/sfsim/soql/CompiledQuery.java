package org.jbp.sfsim.soql;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jbp.sfsim.store.FieldDef;
import org.jbp.sfsim.store.Record;
import org.jbp.sfsim.store.SObjectType;

/** A SOQL statement resolved against the schema: what to scan, filter, group, sort and write. */
public final class CompiledQuery {

    private final String soql;
    private final SObjectType type;
    private final boolean countOnly;
    private final boolean aggregate;
    private final List<OutputNode> shape;
    private final List<AggregateColumn> aggregateColumns;
    private final Predicate<Record> where;
    private final Comparator<Record> recordOrder;
    private final Comparator<Object[]> rowOrder;
    private final Integer limit;
    private final int offset;
    final List<Function<Record, Object>> groupGetters;
    final List<QueryEngine.AggregateSpec> aggregateSpecs;
    final Function<String, Record> resolver;
    int[][] groupColumns = new int[0][];

    CompiledQuery(String soql, SObjectType type, boolean countOnly, boolean aggregate, List<OutputNode> shape,
                  List<AggregateColumn> aggregateColumns, Predicate<Record> where, Comparator<Record> recordOrder,
                  Comparator<Object[]> rowOrder, Integer limit, int offset,
                  List<Function<Record, Object>> groupGetters, List<QueryEngine.AggregateSpec> aggregateSpecs,
                  Function<String, Record> resolver) {
        this.soql = soql;
        this.type = type;
        this.countOnly = countOnly;
        this.aggregate = aggregate;
        this.shape = shape;
        this.aggregateColumns = aggregateColumns;
        this.where = where;
        this.recordOrder = recordOrder;
        this.rowOrder = rowOrder;
        this.limit = limit;
        this.offset = offset;
        this.groupGetters = groupGetters;
        this.aggregateSpecs = aggregateSpecs;
        this.resolver = resolver;
    }

    public String soql() {
        return soql;
    }

    public SObjectType type() {
        return type;
    }

    public boolean countOnly() {
        return countOnly;
    }

    public boolean aggregate() {
        return aggregate;
    }

    /** For plain queries: the selected fields and parent relationships in select order. */
    public List<OutputNode> shape() {
        return shape;
    }

    /** For aggregate queries: the columns of each AggregateResult row. */
    public List<AggregateColumn> aggregateColumns() {
        return aggregateColumns;
    }

    Predicate<Record> where() {
        return where;
    }

    Comparator<Record> recordOrder() {
        return recordOrder;
    }

    Comparator<Object[]> rowOrder() {
        return rowOrder;
    }

    Integer limit() {
        return limit;
    }

    int offset() {
        return offset;
    }

    /** The live parent record a reference field of {@code child} points to, or null. */
    public Record parent(Record child, FieldDef reference) {
        Object id = child.get(reference);
        return id == null ? null : resolver.apply((String) id);
    }

    /** A record projected to a flat map: selected paths (Name, Account.Name) → stored values. */
    public Map<String, Object> project(Record r) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (OutputNode n : shape) {
            if (n instanceof OutputNode.Field f) {
                m.put(f.field().name(), r.get(f.field()));
            } else if (n instanceof OutputNode.Parent p) {
                Object id = r.get(p.reference());
                Record parent = id == null ? null : resolver.apply((String) id);
                for (FieldDef f : p.fields()) {
                    m.put(p.reference().relationshipName() + "." + f.name(), parent == null ? null : parent.get(f));
                }
            }
        }
        return m;
    }

    /** An aggregate row as a map: column name → value. */
    public Map<String, Object> project(Object[] row) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < aggregateColumns.size(); i++) {
            m.put(aggregateColumns.get(i).name(), row[i]);
        }
        return m;
    }
}
