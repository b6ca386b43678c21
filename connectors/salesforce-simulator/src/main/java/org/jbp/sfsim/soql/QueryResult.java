package org.jbp.sfsim.soql;

import java.util.List;
import org.jbp.sfsim.store.Record;

/**
 * The rows a query matched: records for a plain query (projected when written, batch by batch), value
 * rows for an aggregate query, or just a count for SELECT COUNT().
 */
public record QueryResult(CompiledQuery query, List<Record> records, List<Object[]> rows, int count) {

    public int size() {
        if (query.countOnly()) {
            return count;
        }
        return query.aggregate() ? rows.size() : records.size();
    }
}
