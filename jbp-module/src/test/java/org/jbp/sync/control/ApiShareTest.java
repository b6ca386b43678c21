package org.jbp.sync.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jbp.crm.ApiBudget;
import org.jbp.crm.ApiUsage;
import org.junit.jupiter.api.Test;

class ApiShareTest {

    @Test
    void aRunStopsResumablyAtItsShareOfTheDailyLimit() {
        Optional<ApiUsage> usage = Optional.of(new ApiUsage(40_000, 100_000));
        assertEquals(Optional.empty(), ApiShare.exceeded(9_999, usage, 0.10));
        String stop = ApiShare.exceeded(10_000, usage, 0.10).orElseThrow();
        assertTrue(stop.contains("10 %") && stop.contains("60000 left today"), stop);
        assertEquals(Optional.empty(), ApiShare.exceeded(1_000_000, Optional.empty(), 0.10), "no limit known yet");
    }

    @Test
    void theConnectorsBudgetCountsTheRunsCallsAsTheyGrow() {
        AtomicLong calls = new AtomicLong(9);
        ApiBudget budget = ApiShare.of(calls::get, 0.10);
        Optional<ApiUsage> usage = Optional.of(new ApiUsage(50, 100));
        assertEquals(Optional.empty(), budget.refusal(usage), "9 of 10");
        calls.incrementAndGet();
        assertTrue(budget.refusal(usage).isPresent(), "10 of 10: the next request is refused");
    }
}
