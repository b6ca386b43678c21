package org.jbp.sfsim.store;

import java.util.List;

/** The outcome of one record in a write call: SaveResult, UpsertResult or DeleteResult in one shape. */
public record WriteResult(String id, boolean success, boolean created, List<RecordError> errors) {

    public WriteResult {
        errors = List.copyOf(errors);
    }

    public static WriteResult ok(String id, boolean created) {
        return new WriteResult(id, true, created, List.of());
    }

    public static WriteResult failed(String id, RecordError error) {
        return new WriteResult(id, false, false, List.of(error));
    }
}
