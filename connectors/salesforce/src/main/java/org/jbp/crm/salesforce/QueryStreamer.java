package org.jbp.crm.salesforce;

import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.sobject.SObject;
import java.util.Optional;
import java.util.function.Consumer;
import org.jbp.crm.CrmException;

/**
 * Streams a query through query/queryMore one page at a time, so memory holds one page whatever the total.
 * If Salesforce drops the cursor (INVALID_QUERY_LOCATOR) the query runs again from the last Id delivered,
 * so no record is lost or delivered twice.
 */
final class QueryStreamer {

    private static final int MAX_RERUNS = 3;

    private final SalesforceSession session;

    QueryStreamer(SalesforceSession session) {
        this.session = session;
    }

    /** Hands every record to {@code each} in Id order; returns how many there were. */
    long forEach(SoqlSelect select, Consumer<SObject> each) {
        Optional<String> lastId = Optional.empty();
        long delivered = 0;
        int reruns = 0;
        while (true) {
            String soql = select.toSoql(lastId);
            QueryResult page = session.query("query " + select.object(), soql, c -> c.query(soql));
            try {
                while (true) {
                    SObject[] records = page.getRecords();
                    if (records != null) {
                        for (SObject record : records) {
                            each.accept(record);
                            lastId = Optional.ofNullable(record.getId());
                            delivered++;
                        }
                    }
                    if (page.isDone() || page.getQueryLocator() == null) {
                        return delivered;
                    }
                    String locator = page.getQueryLocator();
                    page = session.call("queryMore " + select.object(), c -> c.queryMore(locator));
                }
            } catch (CrmException e) {
                if (!"INVALID_QUERY_LOCATOR".equals(e.statusCode()) || ++reruns > MAX_RERUNS) {
                    throw e;
                }
                // The cursor is gone: resume after the last record already handed out.
            }
        }
    }
}
