package org.jbp.people.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PersonIdTest {

    @Test
    void aFifteenCharacterUserIdIsHeldInItsEighteenCharacterForm() {
        PersonId id = PersonId.of("005Dn000000DQSu").orElseThrow();
        assertEquals("005Dn000000DQSuIAO", id.value());
        assertEquals(id, PersonId.of("005Dn000000DQSuiao").orElseThrow(), "the suffix is case-insensitive");
        assertTrue(id.isSalesforceUser());
    }

    @Test
    void somethingThatIsNotAUserIdIsKeptAsItIsAndNeverCountsAsASalesforceUser() {
        assertEquals("alice@idp", PersonId.of(" alice@idp ").orElseThrow().value());
        assertFalse(PersonId.of("alice@idp").orElseThrow().isSalesforceUser());
        assertFalse(PersonId.of("001Dn000000AcCt").orElseThrow().isSalesforceUser(), "an account, not a user");
        PersonId badChecksum = PersonId.of("005000000000001XYZ").orElseThrow();
        assertEquals("005000000000001XYZ", badChecksum.value());
        assertFalse(badChecksum.isSalesforceUser());
        assertEquals(Optional.empty(), PersonId.of(" "));
        assertEquals(Optional.empty(), PersonId.of(null));
    }
}
