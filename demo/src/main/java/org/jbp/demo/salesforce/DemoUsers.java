package org.jbp.demo.salesforce;

import java.util.Map;

/**
 * The people the demo prints tokens for, as Salesforce users of the simulated org: their ids become the tokens'
 * {@code sub}, so the plans' owners and authors are real users of that org. Every partner account has its own
 * partner user ({@code partnerUsersByAccount}, the featured one included): the loader accepts each partner's plans
 * as that partner's user, so a plan's approval trail never names another partner's person.
 */
public record DemoUsers(User admin, User channelManager, User approver, User partnerUser, DemoPartner partnerOfUser,
                        Map<String, User> partnerUsersByAccount) {

    public DemoUsers {
        partnerUsersByAccount = Map.copyOf(partnerUsersByAccount);
    }

    /** The partner user of {@code accountId}; every demo partner has one. */
    public User partnerUserOf(String accountId) {
        User user = partnerUsersByAccount.get(accountId);
        if (user == null) {
            throw new IllegalArgumentException("no demo partner user for account " + accountId);
        }
        return user;
    }

    public record User(String id, String name) {
    }
}
