package org.jbp.crm.mapping;

import java.util.Objects;
import java.util.Optional;

/**
 * Where writes land in the CRM.
 *
 * @param tierAccountField          the Account field written when {@code tierTarget} is {@link TierTarget#ACCOUNT_FIELD}
 * @param fundRequestCurrencyField  empty in single-currency orgs, where no currency field exists
 */
public record WriteTargets(TierTarget tierTarget, String tierAccountField, String fundRequestExternalIdField,
                           Optional<String> fundRequestCurrencyField, String taskExternalIdField,
                           String taskClosedStatus) {

    /** Where a partner's tier lives. */
    public enum TierTarget {
        /** {@code ChannelProgramMember.LevelId}, the level found by name through {@code ChannelProgramLevel}. */
        CHANNEL_PROGRAM_MEMBER,
        /** A text or picklist field on Account holding the level name. */
        ACCOUNT_FIELD
    }

    public WriteTargets {
        Objects.requireNonNull(tierTarget, "Tier target is required.");
        Objects.requireNonNull(tierAccountField, "Tier account field is required.");
        Objects.requireNonNull(fundRequestExternalIdField, "Fund request external id field is required.");
        Objects.requireNonNull(fundRequestCurrencyField);
        Objects.requireNonNull(taskExternalIdField, "Task external id field is required.");
        Objects.requireNonNull(taskClosedStatus, "Task closed status is required.");
        if ("IsPartner".equalsIgnoreCase(tierAccountField)) {
            throw new IllegalArgumentException("Account.IsPartner is never written; choose another tier field.");
        }
    }
}
