package org.jbp.crm.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jbp.crm.CrmUser;
import org.jbp.crm.mapping.KpiMappingLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * User records by id against the simulator, for what a read-only contract test cannot stage on a real org:
 * deactivated users, partner users, and more ids than one query takes.
 */
class UsersByIdTest {

    private SimulatorFixture sim;

    @BeforeEach
    void start() {
        sim = SimulatorFixture.start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private SalesforceCrmConnector connector() {
        return new SalesforceCrmConnector(new SalesforceSession(sim.settings(200), duration -> { }),
                KpiMappingLoader.loadDefault());
    }

    private String user(String first, String last, boolean active, String userType) {
        String username = (first + "." + last + "@partner.example").toLowerCase();
        return sim.insert("User", Map.of("Username", username, "FirstName", first, "LastName", last,
                "Email", username, "Alias", first.substring(0, 1) + last.substring(0, 3), "IsActive", active,
                "UserType", userType));
    }

    @Test
    void deactivatedAndPartnerUsersAreReadWithTheNameSalesforceComposesFromFirstAndLastName() {
        String approver = user("Quinn", "Rivera", true, "Standard");
        String leaver = user("Lee", "Former", false, "Standard");
        String partnerContact = user("Priya", "Shah", true, "PowerPartner");
        try (SalesforceCrmConnector crm = connector()) {
            Map<String, CrmUser> users = crm.usersByIds(List.of(approver.substring(0, 15), leaver, partnerContact))
                    .stream().collect(Collectors.toMap(CrmUser::id, Function.identity()));
            assertEquals(new CrmUser(approver, "Quinn Rivera", Optional.of("quinn.rivera@partner.example"), true),
                    users.get(approver), "a 15-character id is answered with the 18-character one");
            assertEquals(new CrmUser(leaver, "Lee Former", Optional.of("lee.former@partner.example"), false),
                    users.get(leaver), "Salesforce keeps deactivated users; they still have a name");
            assertEquals("Priya Shah", users.get(partnerContact).name());
            assertEquals(3, users.size());
        }
    }

    @Test
    void manyIdsAreAskedInChunksOfFiveHundredWithinOneQueryEachAndNoIdIsLost() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1_050; i++) {
            ids.add(user("User" + i, "Number" + i, i % 7 != 0, "Standard"));
        }
        try (SalesforceCrmConnector crm = connector()) {
            List<CrmUser> users = crm.usersByIds(ids);
            assertEquals(ids.stream().sorted().toList(), users.stream().map(CrmUser::id).sorted().toList());
            assertEquals(150, users.stream().filter(u -> !u.active()).count(), "every seventh was deactivated");
            // login, then per chunk of ≤500 ids one query and a queryMore per further page of 200 records
            long expected = 1 + (3 + 3 + 1);
            assertEquals(expected, crm.apiCallsUsed(), "three chunks: 500, 500 and 50 ids");
        }
    }

    @Test
    void noIdWorthAskingCostsNoCall() {
        try (SalesforceCrmConnector crm = connector()) {
            assertTrue(crm.usersByIds(List.of("crm-sync", "001000000000001AAA", "005000000000001XYZ")).isEmpty());
            assertEquals(0, crm.apiCallsUsed(), "not even a login: none is a valid user id");
        }
    }
}
