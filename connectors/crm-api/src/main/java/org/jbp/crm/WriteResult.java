package org.jbp.crm;

import java.util.Objects;

/** The outcome of one {@link CrmWrite}; a batch of writes yields one result per write, in the same order. */
public sealed interface WriteResult {

    CrmWrite write();

    boolean isSuccess();

    /** The CRM took the write. {@code created} is false when an existing record (same external id) was updated. */
    record Succeeded(CrmWrite write, String crmId, boolean created) implements WriteResult {
        public Succeeded {
            Objects.requireNonNull(write, "Write is required.");
            Objects.requireNonNull(crmId, "CRM id is required.");
        }

        @Override
        public boolean isSuccess() {
            return true;
        }
    }

    /** The CRM refused this write; other writes of the same batch may still have succeeded. */
    record Failed(CrmWrite write, CrmError error) implements WriteResult {
        public Failed {
            Objects.requireNonNull(write, "Write is required.");
            Objects.requireNonNull(error, "Error is required.");
        }

        @Override
        public boolean isSuccess() {
            return false;
        }
    }
}
