package org.jbp.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SalesforceIdTest {

    @Test
    void fifteenCharacterIdGetsItsChecksum() {
        assertEquals(Optional.of("001A0000006Vm9rIAC"), SalesforceId.parse("001A0000006Vm9r"));
    }

    @Test
    void eighteenCharacterIdWithValidChecksumIsAccepted() {
        assertEquals(Optional.of("001A0000006Vm9rIAC"), SalesforceId.parse("001A0000006Vm9rIAC"));
        assertEquals(Optional.of("001A0000006Vm9rIAC"), SalesforceId.parse("001A0000006Vm9riac"),
                "the suffix is case-insensitive");
    }

    @Test
    void wrongChecksumIsRefused() {
        assertEquals(Optional.empty(), SalesforceId.parse("001A0000006Vm9rAAA"));
        assertEquals(Optional.empty(), SalesforceId.parse("001a0000006Vm9rIAC"), "case of the base matters");
    }

    @Test
    void injectionAttemptsAreNotIds() {
        for (String attempt : new String[] {"001A0000006Vm9r' OR Name != '", "' OR ''='", "001A0000006Vm9",
                "001A0000006Vm9r'", "001A00 0006Vm9r", "001A0000006Vm9rIAC\n", "", null, "0010000000éVm9r"}) {
            assertEquals(Optional.empty(), SalesforceId.parse(attempt), String.valueOf(attempt));
        }
    }

    @Test
    void requireNamesWhatWasExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SalesforceId.require("x' OR Id != null", "Partner id"));
        assertTrue(e.getMessage().startsWith("Partner id 'x' OR Id != null' is not a valid Salesforce id"));
    }
}
