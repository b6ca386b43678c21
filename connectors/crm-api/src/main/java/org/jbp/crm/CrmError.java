package org.jbp.crm;

import java.util.List;
import java.util.Objects;

/**
 * A failure as the CRM reported it.
 *
 * @param kind       what the caller should do about it
 * @param statusCode the CRM's own code, for example {@code DUPLICATE_EXTERNAL_ID}
 * @param fields     the fields the CRM blamed, possibly none
 */
public record CrmError(CrmException.Kind kind, String statusCode, String message, List<String> fields) {
    public CrmError {
        Objects.requireNonNull(kind, "Kind is required.");
        Objects.requireNonNull(statusCode, "Status code is required.");
        message = message == null ? "" : message;
        fields = List.copyOf(fields);
    }
}
