package org.jbp.kernel;

import java.util.UUID;

/**
 * What the features below plan need to know of a plan: its id and the partner account it is agreed with (a
 * notification to the partner role goes to that account's users, a CRM task hangs off that account).
 * {@code BusinessPlan} is one; features below plan take this instead of the aggregate.
 */
public interface PlanRef {

    UUID id();

    PartnerAccountId partner();
}
