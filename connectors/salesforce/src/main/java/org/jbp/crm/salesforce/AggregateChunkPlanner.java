package org.jbp.crm.salesforce;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a list of partner ids into IN-list chunks such that one aggregate query per chunk is expected to return
 * at most 2,000 rows (rows per partner = quarters x breakdown values) and stays under the SOQL length limit.
 * The estimate is an upper bound; if Salesforce still refuses a chunk (EXCEEDED_ID_LIMIT) the caller halves it.
 */
final class AggregateChunkPlanner {

    /** Characters one id adds to an IN list: quotes, 18 characters, comma and space. */
    static final int CHARS_PER_ID = 22;
    /** Headroom under the length limit for anything the estimate misses. */
    private static final int LENGTH_MARGIN = 1_000;

    private AggregateChunkPlanner() {
    }

    /** How many partners fit in one query. */
    static int partnersPerChunk(int quarters, int groupsPerPartnerAndQuarter, int soqlLengthWithoutIds) {
        long rowsPerPartner = Math.max(1L, (long) quarters * groupsPerPartnerAndQuarter);
        long byRows = Math.max(1L, AggregateSoql.MAX_AGGREGATE_ROWS / rowsPerPartner);
        long byLength = (AggregateSoql.MAX_SOQL_LENGTH - LENGTH_MARGIN - soqlLengthWithoutIds) / CHARS_PER_ID;
        if (byLength < 1) {
            throw new IllegalArgumentException("The aggregate query is too long even for one partner");
        }
        return (int) Math.min(byRows, byLength);
    }

    static List<List<String>> chunks(List<String> partnerIds, int chunkSize) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < partnerIds.size(); from += chunkSize) {
            chunks.add(List.copyOf(partnerIds.subList(from, Math.min(partnerIds.size(), from + chunkSize))));
        }
        return chunks;
    }
}
