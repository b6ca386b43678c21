package org.jbp.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A command for the CRM. Each carries an external id so that delivering it twice (after a crash or a lost response)
 * writes once: the connector upserts on that id instead of creating.
 */
public sealed interface CrmWrite {

    /** The idempotency key, unique per write target; the outbox id is a good choice. */
    String externalId();

    /** Move a partner to the program level called {@code levelName} (for example "Gold"). */
    record TierChange(String partnerId, String levelName, String externalId) implements CrmWrite {
        public TierChange {
            requireText(partnerId, "Partner id");
            requireText(levelName, "Level name");
            requireText(externalId, "External id");
        }
    }

    /** Create or update a market development fund request for a partner. */
    record FundRequestUpsert(String externalId, String title, BigDecimal requestedAmount, String currency,
                             Optional<String> campaignId, String partnerId, Optional<String> allocationId,
                             String activity, String status) implements CrmWrite {
        public FundRequestUpsert {
            requireText(externalId, "External id");
            requireText(title, "Title");
            Objects.requireNonNull(requestedAmount, "Requested amount is required.");
            if (requestedAmount.signum() < 0) {
                throw new IllegalArgumentException("Requested amount must not be negative: " + requestedAmount);
            }
            requireText(currency, "Currency");
            Objects.requireNonNull(campaignId, "campaignId must be Optional, not null");
            requireText(partnerId, "Partner id");
            Objects.requireNonNull(allocationId, "allocationId must be Optional, not null");
            Objects.requireNonNull(activity, "Activity is required.");
            requireText(status, "Status");
        }
    }

    /**
     * Withdraw the fund request written earlier under {@code externalId}, for example because the campaign it
     * funds was removed from the plan. The connector picks the CRM's status value for it; a request the CRM
     * does not know is reported as an error, never created.
     */
    record FundRequestCancel(String externalId) implements CrmWrite {
        public FundRequestCancel {
            requireText(externalId, "External id");
        }
    }

    /** Create or update a task, for example for the next approver of a plan. */
    record TaskUpsert(String externalId, String ownerId, String whatId, String subject, LocalDate dueDate,
                      String description) implements CrmWrite {
        public TaskUpsert {
            requireText(externalId, "External id");
            requireText(ownerId, "Owner id");
            requireText(whatId, "What id");
            requireText(subject, "Subject");
            Objects.requireNonNull(dueDate, "Due date is required.");
            Objects.requireNonNull(description, "Description is required (may be empty).");
        }
    }

    /** Mark the task written earlier under {@code externalId} as completed. */
    record TaskClose(String externalId) implements CrmWrite {
        public TaskClose {
            requireText(externalId, "External id");
        }
    }

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what + " is required.");
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank.");
        }
    }
}
