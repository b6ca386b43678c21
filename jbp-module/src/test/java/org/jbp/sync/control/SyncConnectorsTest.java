package org.jbp.sync.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jbp.crm.CrmConnector;
import org.jbp.crm.CrmException;
import org.junit.jupiter.api.Test;

/** A run's connector stops making CRM operations once the run's share of the org's daily limit is used. */
class SyncConnectorsTest {

    /** A connector whose every partner listing costs three API calls. */
    private static CrmConnector threeCallsPerListing(AtomicLong calls) {
        return (CrmConnector) Proxy.newProxyInstance(CrmConnector.class.getClassLoader(),
                new Class<?>[] {CrmConnector.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "apiCallsUsed" -> calls.get();
                    case "partnerAccounts" -> {
                        calls.addAndGet(3);
                        yield List.of();
                    }
                    default -> null;
                });
    }

    private static SyncConnectors over(CrmConnector connector) {
        SyncConnectors connectors = new SyncConnectors();
        connectors.producer = new CrmConnectorProducer() {
            @Override
            public CrmConnector openForJob() {
                return connector;
            }
        };
        return connectors;
    }

    @Test
    void anOperationStartedWithinTheShareRunsAndTheNextOnePastItIsRefused() {
        AtomicLong calls = new AtomicLong();
        SyncConnectors connectors = over(threeCallsPerListing(calls));
        UUID run = UUID.randomUUID();
        CrmException share = new CrmException(CrmException.Kind.LIMIT_REACHED, "API_BUDGET_SHARE", "share used", null);
        // the run's share is 5 calls
        connectors.guard(run, () -> calls.get() >= 5 ? Optional.of(share) : Optional.empty());

        connectors.forRun(run).partnerAccounts();   // 0 of 5 used: runs, 3 used
        connectors.forRun(run).partnerAccounts();   // 3 of 5 used: runs, 6 used
        CrmException refused = assertThrows(CrmException.class, () -> connectors.forRun(run).partnerAccounts());
        assertSame(share, refused);
        assertEquals(6, calls.get(), "the refused operation made no call");
        assertEquals(6, connectors.forRun(run).apiCallsUsed(), "counters still answer past the share");
    }

    @Test
    void aRefusalThatNoLongerHoldsLetsTheRunGoOn() {
        AtomicLong calls = new AtomicLong();
        SyncConnectors connectors = over(threeCallsPerListing(calls));
        UUID run = UUID.randomUUID();
        connectors.guard(run, Optional::empty);   // e.g. the org's limit is not known yet
        connectors.forRun(run).partnerAccounts();
        assertEquals(3, calls.get());
    }
}
