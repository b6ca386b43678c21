package org.jbp.canvas.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.jbp.security.Roles;
import org.junit.jupiter.api.Test;

class DemoUserTest {

    @Test
    void thePeopleTheLauncherConfiguredAreTheLoginsChoices() {
        List<DemoUser> users = DemoUser.parse("channel-manager|005Dn000000DQSvIAO|Avery Chen; "
                + "approver|005Dn000000DQSwIAO|Jordan Patel;partner|005Dn000000DQT0IAO|Pat Partner|001Dn000000DQSvIAO");
        assertEquals(3, users.size());
        assertEquals(new DemoUser("005Dn000000DQSvIAO", "Avery Chen", Roles.CHANNEL_MANAGER, null), users.get(0));
        assertEquals("approver", users.get(1).roleLabel());
        assertEquals("001Dn000000DQSvIAO", users.get(2).partnerAccountId());
        assertNull(users.get(0).partnerAccountId());
    }

    @Test
    void anEntryWithAnUnknownRoleOrAPartnerWithoutAccountIsLeftOut() {
        assertEquals(List.of(), DemoUser.parse("owner|005000000000001|Someone;partner|005000000000002|No Account;;"));
        assertEquals(List.of(), DemoUser.parse(""));
    }
}
