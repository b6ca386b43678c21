package org.jbp.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PartnerAccountIdTest {

    @Test
    void fifteenCharacterIdGetsItsCaseSafeSuffix() {
        // Salesforce's documented example pair: 001A0000006Vm9r and 001A0000006Vm9rIAC
        assertEquals("001A0000006Vm9rIAC", PartnerAccountId.of("001A0000006Vm9r").value());
    }

    @Test
    void eighteenCharacterIdWithMatchingSuffixIsAccepted() {
        assertEquals(PartnerAccountId.of("001A0000006Vm9r"), PartnerAccountId.of("001A0000006Vm9rIAC"));
        assertEquals(PartnerAccountId.of("001A0000006Vm9rIAC"), PartnerAccountId.of("001A0000006Vm9riac"),
                "the suffix is case-insensitive");
    }

    @Test
    void eighteenCharacterIdWithWrongChecksumIsRefused() {
        String problem = PartnerAccountId.problemWith("001A0000006Vm9rAAA");
        assertNotNull(problem);
        assertTrue(problem.contains("IAC"), problem);
    }

    @Test
    void otherShapesAreRefusedWithAReason() {
        assertNotNull(PartnerAccountId.problemWith("001A0000006Vm9"));
        assertNotNull(PartnerAccountId.problemWith("001A0000006Vm9'"));
        assertNotNull(PartnerAccountId.problemWith("006A0000006Vm9r"), "an Opportunity id is not an account");
        assertNotNull(PartnerAccountId.problemWith(null));
        assertNull(PartnerAccountId.problemWith("001A0000006Vm9r"));
    }
}
