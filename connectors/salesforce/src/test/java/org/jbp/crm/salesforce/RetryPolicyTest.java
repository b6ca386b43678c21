package org.jbp.crm.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoffDoublesAndIsCapped() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1_000));
        long first = policy.backoffBefore(1).toMillis();
        long third = policy.backoffBefore(3).toMillis();
        assertTrue(first >= 100 && first <= 120, "first " + first);
        assertTrue(third >= 400 && third <= 480, "third " + third);
        assertEquals(1_000, policy.backoffBefore(30).toMillis());
    }

    @Test
    void batchSizeIsClampedToSalesforceRange() {
        assertEquals(200, SalesforceSettings.builder().credentials("u", "p").queryBatchSize(10).build().queryBatchSize());
        assertEquals(2_000, SalesforceSettings.builder().credentials("u", "p").queryBatchSize(50_000).build()
                .queryBatchSize());
    }

    @Test
    void soapPathIsAppendedToLoginUrlOnce() {
        SalesforceSettings settings = SalesforceSettings.builder().loginUrl("https://test.salesforce.com/")
                .credentials("u", "p").build();
        assertEquals("https://test.salesforce.com/services/Soap/u/64.0", settings.authEndpoint());
        assertEquals("http://127.0.0.1:1/services/Soap/u/64.0", SalesforceSettings.builder()
                .loginUrl("http://127.0.0.1:1/services/Soap/u/64.0").credentials("u", "p").build().authEndpoint());
        assertTrue(!settings.toString().contains("p]") && settings.toString().contains("password=***"));
    }
}
