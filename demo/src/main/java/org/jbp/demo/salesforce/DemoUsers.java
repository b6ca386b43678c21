package org.jbp.demo.salesforce;

/**
 * The people the demo prints tokens for, as Salesforce users of the simulated org: their ids become the tokens'
 * {@code sub}, so the plans' owners and authors are real users of that org.
 */
public record DemoUsers(User admin, User channelManager, User approver, User partnerUser, DemoPartner partnerOfUser) {

    public record User(String id, String name) {
    }
}
