package org.jbp.security;

/** The groups a JBP token may carry. */
public final class Roles {
    public static final String ADMIN = "jbp-admin";
    public static final String CHANNEL_MANAGER = "channel-manager";
    public static final String APPROVER = "approver";
    public static final String PARTNER = "partner";

    private Roles() {
    }
}
