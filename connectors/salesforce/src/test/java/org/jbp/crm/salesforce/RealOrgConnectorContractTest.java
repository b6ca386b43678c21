package org.jbp.crm.salesforce;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;

/**
 * The connector contract against a real org, when {@code SF_LOGIN_URL}, {@code SF_USERNAME} and
 * {@code SF_PASSWORD} (password + security token) are set. Read-only. Skipped otherwise.
 */
class RealOrgConnectorContractTest extends CrmConnectorContract {

    @BeforeEach
    void requireCredentials() {
        assumeTrue(System.getenv("SF_LOGIN_URL") != null && System.getenv("SF_USERNAME") != null
                        && System.getenv("SF_PASSWORD") != null,
                "SF_LOGIN_URL, SF_USERNAME and SF_PASSWORD are not set: real-org contract run skipped"
                        + " (the simulator run covers the contract)");
    }

    @Override
    SalesforceSettings settings(int queryBatchSize) {
        return SalesforceSettings.builder().loginUrl(System.getenv("SF_LOGIN_URL"))
                .credentials(System.getenv("SF_USERNAME"), System.getenv("SF_PASSWORD"))
                .queryBatchSize(queryBatchSize).build();
    }
}
