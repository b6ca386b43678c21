package org.jbp.kernel;

/**
 * What the features below plan need to know of a plan: its id and the partner account it is agreed with (a
 * notification to the partner role goes to that account's users, a CRM task hangs off that account).
 * {@code BusinessPlan} is one; features below plan take this instead of the aggregate.
 */
public interface PlanRef {

    PlanId id();

    PartnerAccountId partner();
}
