package org.jbp.sfsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.sobject.SObject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Account.Certifications_Completed__c as a roll-up summary field: a child saved over the API recalculates it and
 * saves the parent, whose SystemModstamp moves (Apex Developer Guide, "Triggers and Order of Execution").
 */
class RollUpSummaryTest extends SimulatedOrgTest {

    private PartnerConnection c;
    private String partner;

    @BeforeEach
    void partnerAndConnection() throws Exception {
        partner = partnerAccount("Acme Partner");
        c = connect();
    }

    @Test
    void savingACertificationRecalculatesTheAccountsRollUpAndMovesItsSystemModstampOnly() throws Exception {
        Map<String, Object> before = sim.org().get(partner).orElseThrow();
        Thread.sleep(5);
        SObject cert = new SObject("Partner_Certification__c");
        cert.setField("Name", "Sales");
        cert.setField("Account__c", partner);
        cert.setField("Status__c", "Completed");
        SaveResult[] saved = c.create(new SObject[] {cert});
        assertTrue(saved[0].isSuccess(), String.valueOf(saved[0].getErrors().length));

        Map<String, Object> after = sim.org().get(partner).orElseThrow();
        assertEquals(1.0, ((Number) after.get("Certifications_Completed__c")).doubleValue());
        assertTrue(((Instant) after.get("SystemModstamp")).isAfter((Instant) before.get("SystemModstamp")),
                "the parent went through its save: " + after);
        assertEquals(before.get("LastModifiedDate"), after.get("LastModifiedDate"), "no user changed the account");

        SObject change = new SObject("Partner_Certification__c");
        change.setId(saved[0].getId());
        change.setField("Status__c", "In Progress");
        assertTrue(c.update(new SObject[] {change})[0].isSuccess());
        assertEquals(0.0, ((Number) sim.org().get(partner).orElseThrow().get("Certifications_Completed__c"))
                .doubleValue());
        assertEquals(0, c.query("SELECT Id FROM Account WHERE Certifications_Completed__c > 0").getSize(),
                "queried like any number field");
    }

    @Test
    void theRollUpIsReadOnly() throws Exception {
        SObject account = new SObject("Account");
        account.setId(partner);
        account.setField("Certifications_Completed__c", 5);
        SaveResult refused = c.update(new SObject[] {account})[0];
        assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", refused.getErrors()[0].getStatusCode().name());
    }
}
