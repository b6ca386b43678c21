package org.jbp.crm;

/**
 * The org's API requests used and allowed today, as the CRM reported them on its last response
 * (Salesforce: LimitInfoHeader, type "API REQUESTS").
 */
public record ApiUsage(long used, long limit) {

    public long remaining() {
        return Math.max(0, limit - used);
    }
}
