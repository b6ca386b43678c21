package org.jbp.sfsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.sobject.SObject;
import java.util.Calendar;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which deals are a partner's, as an org records it, through WSC: Opportunity.PartnerAccountId is read-only and
 * follows the partner user who owns the deal; vendor-owned deals name partners in OpportunityPartner.
 */
class PartnerAttributionTest extends SimulatedOrgTest {

    private PartnerConnection c;
    private String partner;

    @BeforeEach
    void partnerAndConnection() throws Exception {
        partner = partnerAccount("Acme Partner");
        c = connect();
    }

    @Test
    void partnerAccountIdCannotBeWrittenOverTheApi() throws Exception {
        SaveResult r = c.create(new SObject[]{opportunity(Map.of("PartnerAccountId", partner))})[0];
        assertFalse(r.isSuccess());
        assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", r.getErrors()[0].getStatusCode().toString());
        assertEquals("PartnerAccountId", r.getErrors()[0].getFields()[0]);
    }

    @Test
    void partnerAccountIdIsTheAccountOfThePartnerUserWhoOwnsTheDeal() throws Exception {
        String partnerUser = sim.org().insert("User", Map.of("Username", "pat@acme.partner", "LastName", "Partner",
                "Email", "pat@acme.partner", "UserType", "PowerPartner", "AccountId", partner, "IsActive", true));
        String owned = c.create(new SObject[]{opportunity(Map.of("OwnerId", partnerUser))})[0].getId();
        String vendors = c.create(new SObject[]{opportunity(Map.of())})[0].getId();
        assertEquals(partner, sim.org().get(owned).orElseThrow().get("PartnerAccountId"));
        assertNull(sim.org().get(vendors).orElseThrow().get("PartnerAccountId"), "an internal owner: no partner account");

        SObject reassigned = new SObject("Opportunity");
        reassigned.setId(owned);
        reassigned.setField("OwnerId", sim.org().adminUserId());
        assertTrue(c.update(new SObject[]{reassigned})[0].isSuccess());
        assertNull(sim.org().get(owned).orElseThrow().get("PartnerAccountId"), "follows the owner");
    }

    @Test
    void opportunityPartnerKeepsOnePrimaryAndCannotBeUpdated() throws Exception {
        String other = sim.org().insert("Account", Map.of("Name", "Other Partner", "IsPartner", true));
        String deal = c.create(new SObject[]{opportunity(Map.of())})[0].getId();
        String first = c.create(new SObject[]{opportunityPartner(deal, partner, true, "Reseller")})[0].getId();
        String second = c.create(new SObject[]{opportunityPartner(deal, other, true, "System Integrator")})[0].getId();
        assertEquals(Boolean.FALSE, sim.org().get(first).orElseThrow().get("IsPrimary"), "a new primary demotes the old");
        assertEquals(Boolean.TRUE, sim.org().get(second).orElseThrow().get("IsPrimary"));

        SObject change = new SObject("OpportunityPartner");
        change.setId(first);
        change.setField("IsPrimary", true);
        SaveResult refused = c.update(new SObject[]{change})[0];
        assertFalse(refused.isSuccess());
        assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", refused.getErrors()[0].getStatusCode().toString());
        assertEquals(1, sim.org().query("SELECT Id FROM OpportunityPartner WHERE OpportunityId = '" + deal
                + "' AND IsPrimary = true AND Opportunity.PartnerAccountId = null").size(), "filters through the parent");
    }

    private static SObject opportunity(Map<String, Object> fields) {
        SObject o = new SObject("Opportunity");
        o.setField("Name", "Deal");
        o.setField("StageName", "Prospecting");
        o.setField("CloseDate", Calendar.getInstance());
        o.setField("Amount", 1000.0);
        fields.forEach(o::setField);
        return o;
    }

    private static SObject opportunityPartner(String opportunity, String account, boolean primary, String role) {
        SObject p = new SObject("OpportunityPartner");
        p.setField("OpportunityId", opportunity);
        p.setField("AccountToId", account);
        p.setField("IsPrimary", primary);
        p.setField("Role", role);
        return p;
    }
}
