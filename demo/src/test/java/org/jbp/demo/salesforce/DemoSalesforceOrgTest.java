package org.jbp.demo.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo org as the module's co-sell KPI reads it. */
class DemoSalesforceOrgTest {

    @Test
    void partnersHaveVendorOwnedDealsWithThemAttachedSoCoSellIsNotZero() {
        try (DemoSalesforceOrg demo = DemoSalesforceOrg.start(0, 42)) {
            org.jbp.sfsim.Org org = demo.simulatorOrg();
            // what the default mapping's co_sell_engagements counts: OpportunityPartner rows of vendor-owned deals
            List<Map<String, Object>> coSell = org.query("SELECT AccountToId, Opportunity.OwnerId FROM "
                    + "OpportunityPartner WHERE Opportunity.PartnerAccountId = null");
            assertTrue(coSell.size() > demo.partners().size(), "co-sell rows: " + coSell.size());
            long partnersWithCoSell = demo.partners().stream().filter(p -> coSell.stream()
                    .anyMatch(row -> p.accountId().equals(row.get("AccountToId")))).count();
            assertTrue(partnersWithCoSell >= demo.partners().size() / 2,
                    partnersWithCoSell + " of " + demo.partners().size() + " partners co-sell");
            assertEquals(0, org.query("SELECT Id FROM Opportunity WHERE Co_Sell__c = true AND PartnerAccountId != null")
                    .size(), "a co-sell deal is the vendor's, not the partner's own");
        }
    }

    @Test
    void everyPartnerHasItsOwnNamedPartnerUserInTheOrg() {
        try (DemoSalesforceOrg demo = DemoSalesforceOrg.start(0, 42)) {
            org.jbp.sfsim.Org org = demo.simulatorOrg();
            DemoUsers users = demo.users();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (DemoPartner partner : demo.partners()) {
                DemoUsers.User user = users.partnerUserOf(partner.accountId());
                assertTrue(ids.add(user.id()), "one partner user per partner, " + user.id() + " twice");
                assertTrue(user.name().endsWith("(" + partner.name() + ")"), user.name());
                List<Map<String, Object>> rows = org.query("SELECT UserType, FirstName, LastName FROM User WHERE Id = '"
                        + user.id() + "'");
                assertEquals(1, rows.size(), "the partner user is a User of the org");
                assertEquals("PowerPartner", rows.get(0).get("UserType"));
                assertTrue(user.name().startsWith(rows.get(0).get("FirstName") + " " + rows.get(0).get("LastName")),
                        user.name());
            }
            assertEquals(users.partnerUser(), users.partnerUserOf(users.partnerOfUser().accountId()));
        }
    }
}
