package org.jbp.sfsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sforce.soap.partner.DescribeSObjectResult;
import com.sforce.soap.partner.Field;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.fault.InvalidQueryLocatorFault;
import com.sforce.soap.partner.fault.InvalidSObjectFault;
import com.sforce.soap.partner.fault.LoginFault;
import com.sforce.soap.partner.fault.MalformedQueryFault;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.soap.partner.sobject.SObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The real Salesforce client (WSC 64.0.0, partner API) against the simulator: the proof of faithfulness. */
class WscClientTest extends SimulatedOrgTest {



    @Test
    void wscLogsInAndPagesThroughQueryMoreWithNestedParents() throws Exception {
        List<Map<String, Object>> accounts = new ArrayList<>();
        for (int i = 0; i < 1_050; i++) {
            accounts.add(Map.of("Name", "Partner " + i, "IsPartner", true, "Partner_Tier__c", "Gold"));
        }
        sim.org().insertAll("Account", accounts);
        PartnerConnection c = connect("demo");
        assertEquals(sim.org().adminUserId(), c.getUserInfo().getUserId());
        c.setQueryOptions(200);
        QueryResult r = c.query("SELECT Id, Name, Owner.Name, Partner_Tier__c, Description FROM Account "
                + "WHERE IsPartner = true ORDER BY Name");
        assertEquals(1_050, r.getSize());
        Set<String> ids = new HashSet<>();
        int batches = 0;
        while (true) {
            batches++;
            for (SObject s : r.getRecords()) {
                assertEquals("Account", s.getType());
                ids.add(s.getId());
                assertEquals("Demo Admin", s.getChild("Owner").getField("Name"));
                assertNull(s.getField("Description"));
            }
            if (r.isDone()) {
                break;
            }
            assertNotNull(r.getQueryLocator());
            r = c.queryMore(r.getQueryLocator());
        }
        assertEquals(6, batches);
        assertEquals(1_050, ids.size());
        assertEquals(1 + 1 + 6, sim.apiCallCount(), "login, getUserInfo, query and five queryMore");
    }

    @Test
    void wscReadsTypedAggregateResultsGroupedByPartnerAndQuarter() throws Exception {
        String p = sim.org().insert("Account", Map.of("Name", "P", "IsPartner", true));
        sim.org().insert("Opportunity", Map.of("Name", "a", "StageName", "Closed Won", "Amount", 1000,
                "CloseDate", LocalDate.of(2025, 2, 1), "PartnerAccountId", p));
        sim.org().insert("Opportunity", Map.of("Name", "b", "StageName", "Closed Won", "Amount", 500.5,
                "CloseDate", LocalDate.of(2025, 3, 1), "PartnerAccountId", p));
        sim.org().insert("Opportunity", Map.of("Name", "c", "StageName", "Closed Won", "Amount", 7,
                "CloseDate", LocalDate.of(2025, 5, 1), "PartnerAccountId", p));
        PartnerConnection c = connect("demo");
        QueryResult r = c.query("SELECT PartnerAccountId, CALENDAR_QUARTER(CloseDate) q, SUM(Amount), COUNT(Id) n "
                + "FROM Opportunity WHERE IsWon = true GROUP BY PartnerAccountId, CALENDAR_QUARTER(CloseDate) "
                + "ORDER BY CALENDAR_QUARTER(CloseDate)");
        assertTrue(r.isDone());
        assertEquals(2, r.getSize());
        SObject q1 = r.getRecords()[0];
        assertEquals("AggregateResult", q1.getType());
        assertEquals(p, q1.getField("PartnerAccountId"));
        assertEquals(1, q1.getField("q"));
        assertEquals(1500.5, (Double) q1.getField("expr0"), 1e-9);
        assertEquals(2, q1.getField("n"));
        assertEquals(2, r.getRecords()[1].getField("q"));
    }

    @Test
    void wscUpsertCreatesThenUpdatesOnTheExternalId() throws Exception {
        String p = sim.org().insert("Account", Map.of("Name", "P", "IsPartner", true));
        PartnerConnection c = connect("demo");
        SObject fr = new SObject("PartnerFundRequest");
        fr.setField("JBP_External_Id__c", "JBP-1");
        fr.setField("Title", "Webinar");
        fr.setField("RequestedAmount", 1200.0);
        fr.setField("ChannelPartnerId", p);
        UpsertResult[] first = c.upsert("JBP_External_Id__c", new SObject[] {fr});
        assertTrue(first[0].isSuccess());
        assertTrue(first[0].isCreated());
        fr.setField("RequestedAmount", 1500.0);
        UpsertResult[] second = c.upsert("JBP_External_Id__c", new SObject[] {fr});
        assertTrue(second[0].isSuccess());
        assertFalse(second[0].isCreated());
        assertEquals(first[0].getId(), second[0].getId());
        assertEquals(1500.0, sim.org().get(first[0].getId()).orElseThrow().get("RequestedAmount"));
        assertEquals(1, sim.org().count("PartnerFundRequest"));
    }

    @Test
    void wscSeesPartialSuccessWithPerRecordErrors() throws Exception {
        PartnerConnection c = connect("demo");
        SObject ok = new SObject("Account");
        ok.setField("Name", "Fine");
        SObject missing = new SObject("Account");
        missing.setField("Type", "Partner");
        SObject readOnly = new SObject("Opportunity");
        readOnly.setField("Name", "x");
        readOnly.setField("StageName", "Prospecting");
        readOnly.setField("CloseDate", "2025-01-01");
        readOnly.setField("IsWon", true);
        SaveResult[] r = c.create(new SObject[] {ok, missing, readOnly});
        assertTrue(r[0].isSuccess());
        assertTrue(r[0].getId().startsWith("001"));
        assertFalse(r[1].isSuccess());
        assertEquals("REQUIRED_FIELD_MISSING", r[1].getErrors()[0].getStatusCode().name());
        assertEquals("Name", r[1].getErrors()[0].getFields()[0]);
        assertEquals("INVALID_FIELD_FOR_INSERT_UPDATE", r[2].getErrors()[0].getStatusCode().name());
    }

    @Test
    void wscMapsFaultsToItsTypedFaultClasses() throws Exception {
        LoginFault login = assertThrows(LoginFault.class, () -> connect("wrong"));
        assertEquals(ExceptionCode.INVALID_LOGIN, login.getExceptionCode());

        PartnerConnection c = connect("demo");
        MalformedQueryFault malformed = assertThrows(MalformedQueryFault.class,
                () -> c.query("SELECT Id FROM Account WHERE"));
        assertEquals(1, malformed.getRow());
        assertEquals(29, malformed.getColumn(), "just past the last character, where <EOF> is");

        InvalidFieldFault field = assertThrows(InvalidFieldFault.class, () -> c.query("SELECT Foo FROM Account"));
        assertTrue(field.getExceptionMessage().contains("No such column 'Foo' on entity 'Account'"));
        assertEquals(8, field.getColumn());

        assertThrows(InvalidSObjectFault.class, () -> c.query("SELECT Id FROM Nope__c"));
        assertThrows(InvalidQueryLocatorFault.class, () -> c.queryMore("01gDn0000000000AAA-500"));

        sim.faults().expireSessions();
        UnexpectedErrorFault expired = assertThrows(UnexpectedErrorFault.class,
                () -> c.query("SELECT Id FROM Account"));
        assertEquals(ExceptionCode.INVALID_SESSION_ID, expired.getExceptionCode());
        assertTrue(expired.getExceptionMessage().contains("Illegal Session"));
    }

    @Test
    void aGivenQueryTimesOutEveryTimeAndOtherQueriesStillAnswer() throws Exception {
        sim.org().insert("Account", Map.of("Name", "P", "IsPartner", true));
        sim.faults().queryTimeoutOn("from account where ispartner");
        PartnerConnection c = connect("demo");
        for (int attempt = 0; attempt < 2; attempt++) {
            UnexpectedErrorFault timeout = assertThrows(UnexpectedErrorFault.class,
                    () -> c.query("SELECT Id FROM Account WHERE IsPartner = true"));
            assertEquals(ExceptionCode.QUERY_TIMEOUT, timeout.getExceptionCode());
        }
        assertEquals(1, c.query("SELECT Id FROM Account").getSize(), "another query of the object answers");
        sim.faults().clear();
        assertEquals(1, c.query("SELECT Id FROM Account WHERE IsPartner = true").getSize());
    }

    @Test
    void wscParsesDescribeSObject() throws Exception {
        PartnerConnection c = connect("demo");
        DescribeSObjectResult d = c.describeSObject("PartnerFundRequest");
        assertEquals("PartnerFundRequest", d.getName());
        assertEquals("0ZU", d.getKeyPrefix());
        Field ext = null;
        for (Field f : d.getFields()) {
            if (f.getName().equals("JBP_External_Id__c")) {
                ext = f;
            }
        }
        assertNotNull(ext);
        assertTrue(ext.isExternalId());
        assertTrue(ext.isUnique());
        assertInstanceOf(String.class, ext.getLabel());
    }
}
