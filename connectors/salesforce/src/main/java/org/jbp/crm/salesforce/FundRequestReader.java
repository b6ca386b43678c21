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
    private final java.util.function.BooleanSupplier multiCurrency;

    FundRequestReader(QueryStreamer queries, WriteTargets targets, java.util.function.BooleanSupplier multiCurrency) {
        this.queries = queries;
        this.targets = targets;
        this.multiCurrency = multiCurrency;
    }

    private record Request(String externalId, String id, Optional<String> status, BigDecimal requested,
                           Optional<BigDecimal> approved, Optional<String> currency) {
    }

    List<FundRequestState> read(Collection<String> externalIds) {
        List<String> distinct = externalIds.stream().filter(id -> id != null && !id.isBlank()).distinct().sorted()
                .toList();
        String field = targets.fundRequestExternalIdField();
        Map<String, Request> byCrmId = new LinkedHashMap<>();
        // amounts are in each record's own CurrencyIsoCode, which only a multi-currency org has (an unknown field
        // elsewhere); a claim's currency is its creator's and may differ from the request's
        boolean currencies = multiCurrency.getAsBoolean();
        List<String> requestFields = new ArrayList<>(List.of("Id", field, "Status", "RequestedAmount", "Amount"));
        List<String> claimFields = new ArrayList<>(List.of("Id", "RequestId", "Status", "Amount"));
        if (currencies) {
            requestFields.add("CurrencyIsoCode");
            claimFields.add("CurrencyIsoCode");
        }
        for (List<String> chunk : AggregateChunkPlanner.chunks(distinct, EXTERNAL_IDS_PER_QUERY)) {
            String inList = chunk.stream().map(SoqlLiterals::quote).collect(Collectors.joining(", ", "(", ")"));
            queries.forEach(new SoqlSelect(requestFields,
                    "PartnerFundRequest", List.of(field + " IN " + inList)), record -> {
                        String id = SalesforceId.parse(record.getId()).orElse(record.getId());
                        Records.text(record, field).ifPresent(ext -> byCrmId.put(id, new Request(ext, id,
                                Records.text(record, "Status"), Records.decimal(record, "RequestedAmount"),
                                Records.text(record, "Amount").map(a -> Records.decimal(record, "Amount")),
                                currency(record, currencies))));
                    });
        }
        Map<String, List<FundRequestState.FundClaim>> claims = new LinkedHashMap<>();
        List<String> requestIds = new ArrayList<>(byCrmId.keySet());
        for (List<String> chunk : AggregateChunkPlanner.chunks(requestIds, REQUEST_IDS_PER_QUERY)) {
            String inList = chunk.stream().map(SoqlLiterals::id).collect(Collectors.joining(", ", "(", ")"));
            queries.forEach(new SoqlSelect(claimFields, "PartnerFundClaim",
                    List.of("RequestId IN " + inList)), record -> {
                        String request = Records.text(record, "RequestId").flatMap(SalesforceId::parse).orElse("");
                        claims.computeIfAbsent(request, r -> new ArrayList<>()).add(new FundRequestState.FundClaim(
                                SalesforceId.parse(record.getId()).orElse(record.getId()),
                                Records.text(record, "Status"), Records.decimal(record, "Amount"),
                                currency(record, currencies)));
                    });
        }
        return byCrmId.values().stream().map(r -> new FundRequestState(r.externalId(), r.id(), r.status(),
                r.requested(), r.approved(), claims.getOrDefault(r.id(), List.of()), r.currency())).toList();
    }

    private static Optional<String> currency(com.sforce.soap.partner.sobject.SObject record, boolean multiCurrency) {
        return multiCurrency ? Records.text(record, "CurrencyIsoCode") : Optional.empty();
    }
}
