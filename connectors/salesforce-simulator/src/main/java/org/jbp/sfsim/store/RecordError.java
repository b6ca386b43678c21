package org.jbp.sfsim.store;

import java.util.List;
import java.util.Objects;

/** A per-record error as the partner API reports it in SaveResult.errors: status code, message, fields. */
public record RecordError(String statusCode, String message, List<String> fields) {

    public RecordError {
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(message, "message");
        fields = List.copyOf(fields);
    }

    public static RecordError of(String statusCode, String message, String... fields) {
        return new RecordError(statusCode, message, List.of(fields));
    }
}
