package org.jbp.crm.salesforce;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.jbp.crm.mapping.KpiMapping;
import org.jbp.crm.mapping.KpiMappingLoader;
import org.junit.jupiter.api.BeforeEach;

/**
 * The connector contract against a real org, when {@code SF_LOGIN_URL}, {@code SF_USERNAME} and
 * {@code SF_PASSWORD} (password + security token) are set. Read-only. Skipped otherwise.
 * A test whose data the org lacks is aborted with the reason (see {@link #requireOrgHolds}).
 * {@code SF_KPI_MAPPING} may name a mapping file matching the org's fields (default: the shipped mapping).
 */
class RealOrgConnectorContractTest extends CrmConnectorContract {

    @BeforeEach
    void requireCredentials() {
        assumeTrue(System.getenv("SF_LOGIN_URL") != null && System.getenv("SF_USERNAME") != null
                        && System.getenv("SF_PASSWORD") != null,
                "SF_LOGIN_URL, SF_USERNAME and SF_PASSWORD are not set: real-org contract run skipped"
                        + " (the simulator run covers the contract)");
    }

    /** A real org is what it is: a test it cannot feed is aborted with the reason, never passed. */
    @Override
    void requireOrgHolds(boolean holds, String what) {
        assumeTrue(holds, "the org does not hold " + what + ": test aborted, nothing was checked");
    }

    @Override
    KpiMapping defaultMapping() {
        String file = System.getenv("SF_KPI_MAPPING");
        return file == null ? KpiMappingLoader.loadDefault() : KpiMappingLoader.load(Path.of(file));
    }

    @Override
    SalesforceSettings settings(int queryBatchSize) {
        return SalesforceSettings.builder().loginUrl(System.getenv("SF_LOGIN_URL"))
                .credentials(System.getenv("SF_USERNAME"), System.getenv("SF_PASSWORD"))
                .queryBatchSize(queryBatchSize).build();
    }
}
