package org.jbp.crm.salesforce;

import org.jbp.crm.SalesforceId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jbp.crm.FundRequestState;
import org.jbp.crm.mapping.WriteTargets;

/**
 * Reads fund requests back by the external id they were upserted on, then their claims by RequestId.
 * Both are plain queries with IN-lists (never one query per request), streamed through queryMore, so a thousand
 * requests cost a handful of calls: ⌈n/{@value #EXTERNAL_IDS_PER_QUERY}⌉ for the requests plus
 * ⌈n/{@value #REQUEST_IDS_PER_QUERY}⌉ for the claims, plus a queryMore per further page of records.
 * The IN-lists stay far below SOQL's 100,000-character statement limit (an external id is at most 80 characters).
 */
final class FundRequestReader {

    static final int EXTERNAL_IDS_PER_QUERY = 200;
    static final int REQUEST_IDS_PER_QUERY = 500;

    private final QueryStreamer queries;
    private final WriteTargets targets;

    FundRequestReader(QueryStreamer queries, WriteTargets targets) {
        this.queries = queries;
        this.targets = targets;
    }

    private record Request(String externalId, String id, Optional<String> status, BigDecimal requested,
                           Optional<BigDecimal> approved) {
    }

    List<FundRequestState> read(Collection<String> externalIds) {
        List<String> distinct = externalIds.stream().filter(id -> id != null && !id.isBlank()).distinct().sorted()
                .toList();
        String field = targets.fundRequestExternalIdField();
        Map<String, Request> byCrmId = new LinkedHashMap<>();
        for (List<String> chunk : AggregateChunkPlanner.chunks(distinct, EXTERNAL_IDS_PER_QUERY)) {
            String inList = chunk.stream().map(SoqlLiterals::quote).collect(Collectors.joining(", ", "(", ")"));
            queries.forEach(new SoqlSelect(List.of("Id", field, "Status", "RequestedAmount", "Amount"),
                    "PartnerFundRequest", List.of(field + " IN " + inList)), record -> {
                        String id = SalesforceId.parse(record.getId()).orElse(record.getId());
                        Records.text(record, field).ifPresent(ext -> byCrmId.put(id, new Request(ext, id,
                                Records.text(record, "Status"), Records.decimal(record, "RequestedAmount"),
                                Records.text(record, "Amount").map(a -> Records.decimal(record, "Amount")))));
                    });
        }
        Map<String, List<FundRequestState.FundClaim>> claims = new LinkedHashMap<>();
        List<String> requestIds = new ArrayList<>(byCrmId.keySet());
        for (List<String> chunk : AggregateChunkPlanner.chunks(requestIds, REQUEST_IDS_PER_QUERY)) {
            String inList = chunk.stream().map(SoqlLiterals::id).collect(Collectors.joining(", ", "(", ")"));
            queries.forEach(new SoqlSelect(List.of("Id", "RequestId", "Status", "Amount"), "PartnerFundClaim",
                    List.of("RequestId IN " + inList)), record -> {
                        String request = Records.text(record, "RequestId").flatMap(SalesforceId::parse).orElse("");
                        claims.computeIfAbsent(request, r -> new ArrayList<>()).add(new FundRequestState.FundClaim(
                                SalesforceId.parse(record.getId()).orElse(record.getId()),
                                Records.text(record, "Status"), Records.decimal(record, "Amount")));
                    });
        }
        return byCrmId.values().stream().map(r -> new FundRequestState(r.externalId(), r.id(), r.status(),
                r.requested(), r.approved(), claims.getOrDefault(r.id(), List.of()))).toList();
    }
}
