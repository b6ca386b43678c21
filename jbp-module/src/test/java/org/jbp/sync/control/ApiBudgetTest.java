package org.jbp.sync.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.jbp.crm.ApiUsage;
import org.jbp.crm.CrmException;
import org.junit.jupiter.api.Test;

class ApiBudgetTest {

    @Test
    void aRunStopsResumablyAtItsShareOfTheDailyLimit() {
        Optional<ApiUsage> usage = Optional.of(new ApiUsage(40_000, 100_000));
        assertEquals(Optional.empty(), ApiBudget.exceeded(9_999, usage, 0.10));
        CrmException stop = ApiBudget.exceeded(10_000, usage, 0.10).orElseThrow();
        assertEquals(CrmException.Kind.LIMIT_REACHED, stop.kind(), "the run resumes with the next one");
        assertTrue(stop.getMessage().contains("10 %") && stop.getMessage().contains("60000 left today"), stop.getMessage());
        assertEquals(Optional.empty(), ApiBudget.exceeded(1_000_000, Optional.empty(), 0.10), "no limit known yet");
    }
}
