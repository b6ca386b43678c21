package org.jbp.crm.salesforce;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A plain (non-aggregate) query ordered by Id, so that it can be resumed after a given Id when Salesforce forgets
 * its cursor. Conditions are SOQL fragments built by this package from validated names and escaped literals.
 */
record SoqlSelect(List<String> fields, String object, List<String> conditions) {

    SoqlSelect {
        fields = List.copyOf(fields);
        Objects.requireNonNull(object, "Object is required.");
        conditions = List.copyOf(conditions);
        if (!fields.contains("Id")) {
            throw new IllegalArgumentException("A resumable query must select Id");
        }
    }

    /** The query text, restricted to records after {@code afterId} when resuming. */
    String toSoql(Optional<String> afterId) {
        StringBuilder soql = new StringBuilder("SELECT ").append(String.join(", ", fields))
                .append(" FROM ").append(object);
        List<String> where = new java.util.ArrayList<>(conditions);
        afterId.ifPresent(id -> where.add("Id > " + SoqlLiterals.id(id)));
        if (!where.isEmpty()) {
            soql.append(" WHERE ").append(String.join(" AND ", where));
        }
        return soql.append(" ORDER BY Id").toString();
    }
}
