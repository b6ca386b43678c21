package org.jbp.sfsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Raw SOAP over HTTP: the exact XML a client receives, gzip both ways, faults, limits and the admin API. */
class SoapOverHttpTest extends SimulatedOrgTest {

    private static final String ENVELOPE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<env:Envelope xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><env:Header>%s</env:Header>"
            + "<env:Body>%s</env:Body></env:Envelope>";

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> post(String header, String body, boolean gzip) throws Exception {
        byte[] xml = String.format(ENVELOPE, header, body).getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.soapEndpoint()))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"");
        if (gzip) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
                gz.write(xml);
            }
            xml = zipped.toByteArray();
            b.header("Content-Encoding", "gzip").header("Accept-Encoding", "gzip");
        }
        return http.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(xml)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) throws IOException {
        boolean gz = r.headers().firstValue("Content-Encoding").map(v -> v.contains("gzip")).orElse(false);
        byte[] body = r.body();
        if (gz) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private String login() throws Exception {
        String xml = text(post("", "<login xmlns=\"urn:partner.soap.sforce.com\"><username>admin@jbp.demo</username>"
                + "<password>demo</password></login>", false));
        Matcher m = Pattern.compile("<sessionId>([^<]+)</sessionId>").matcher(xml);
        assertTrue(m.find(), xml);
        return m.group(1);
    }

    private static String session(String id) {
        return "<SessionHeader xmlns=\"urn:partner.soap.sforce.com\"><sessionId>" + id + "</sessionId></SessionHeader>";
    }

    @Test
    void gzippedQueryIsAnsweredInWsdlOrderWithDuplicatedIdNilsAndNestedParent() throws Exception {
        String partner = sim.org().insert("Account", Map.of("Name", "Acme & Co", "IsPartner", true));
        String opp = sim.org().insert("Opportunity", Map.of("Name", "Deal", "StageName", "Closed Won",
                "CloseDate", "2025-03-01", "Amount", 12500, "PartnerAccountId", partner));
        String sid = login();
        HttpResponse<byte[]> r = post(session(sid), "<query xmlns=\"urn:partner.soap.sforce.com\"><queryString>"
                + "SELECT Id, Name, Amount, Description, PartnerAccount.Name, Account.Name FROM Opportunity"
                + "</queryString></query>", true);
        assertEquals(200, r.statusCode());
        assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(""));
        String xml = text(r);
        assertTrue(xml.contains("<soapenv:Header><LimitInfoHeader><limitInfo><current>2</current>"
                + "<limit>1000000</limit><type>API REQUESTS</type></limitInfo></LimitInfoHeader></soapenv:Header>"), xml);
        assertTrue(xml.matches("(?s).*<queryResponse><result xsi:type=\"QueryResult\"><done>true</done>"
                + "<queryLocator xsi:nil=\"true\"\\s*/><records xsi:type=\"sf:sObject\"><sf:type>Opportunity</sf:type>"
                + "<sf:Id>" + opp + "</sf:Id><sf:Id>" + opp + "</sf:Id><sf:Name>Deal</sf:Name>"
                + "<sf:Amount>12500.0</sf:Amount>.*</records><size>1</size></result></queryResponse>.*"), xml);
        assertTrue(xml.contains("<sf:Name>Acme &amp; Co</sf:Name></sf:PartnerAccount>"), xml);
        assertTrue(xml.contains("xmlns:sf=\"urn:sobject.partner.soap.sforce.com\""), xml);
        assertTrue(xml.contains("<sf:PartnerAccount xsi:type=\"sf:sObject\"><sf:type>Account</sf:type>"), xml);
        assertTrue(xml.matches("(?s).*<sf:Account xsi:nil=\"true\"\\s*(/>|></sf:Account>).*"), xml);
        assertTrue(xml.matches("(?s).*<sf:Description xsi:nil=\"true\"\\s*(/>|></sf:Description>).*"), xml);
    }

    @Test
    void pagingHonoursTheBatchSizeHeaderClampedToTwoHundred() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            rows.add(Map.of("Name", "A" + i));
        }
        sim.org().insertAll("Account", rows);
        String sid = login();
        String options = "<QueryOptions xmlns=\"urn:partner.soap.sforce.com\"><batchSize>50</batchSize></QueryOptions>";
        String xml = text(post(session(sid) + options, "<query xmlns=\"urn:partner.soap.sforce.com\"><queryString>"
                + "SELECT Id FROM Account</queryString></query>", false));
        assertEquals(200, count(xml, "<records "));
        assertTrue(xml.contains("<done>false</done>"));
        assertTrue(xml.contains("<size>450</size>"));
        Matcher m = Pattern.compile("<queryLocator>([^<]+)</queryLocator>").matcher(xml);
        assertTrue(m.find());
        assertTrue(m.group(1).endsWith("-200"));
        String more = text(post(session(sid) + options, "<queryMore xmlns=\"urn:partner.soap.sforce.com\">"
                + "<queryLocator>" + m.group(1) + "</queryLocator></queryMore>", false));
        assertTrue(more.contains("<queryMoreResponse>"));
        assertEquals(200, count(more, "<records "));
        String bad = text(post(session(sid), "<queryMore xmlns=\"urn:partner.soap.sforce.com\">"
                + "<queryLocator>01gDn000000XXXXAAA-200</queryLocator></queryMore>", false));
        assertTrue(bad.contains("<faultcode>sf:INVALID_QUERY_LOCATOR</faultcode>"), bad);
        assertTrue(bad.contains("<sf:InvalidQueryLocatorFault xsi:type=\"sf:InvalidQueryLocatorFault\">"), bad);
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void malformedQueryFaultCarriesRowAndColumnInTheFaultNamespace() throws Exception {
        String sid = login();
        HttpResponse<byte[]> r = post(session(sid), "<query xmlns=\"urn:partner.soap.sforce.com\"><queryString>"
                + "SELECT Id FRM Account</queryString></query>", false);
        assertEquals(500, r.statusCode());
        String xml = text(r);
        assertTrue(xml.contains("xmlns:sf=\"urn:fault.partner.soap.sforce.com\""), xml);
        assertTrue(xml.contains("<faultcode>sf:MALFORMED_QUERY</faultcode>"), xml);
        assertTrue(xml.contains("<detail><sf:MalformedQueryFault xsi:type=\"sf:MalformedQueryFault\">"
                + "<sf:exceptionCode>MALFORMED_QUERY</sf:exceptionCode>"), xml);
        // FRM reads as an alias of Id (aliases are legal in the select list), so Account is the bad token.
        assertTrue(xml.contains("<sf:row>1</sf:row><sf:column>15</sf:column>"), xml);
        assertTrue(xml.contains("SELECT Id FRM Account\n              ^\nERROR at Row:1:Column:15\nunexpected token: "
                + "Account</sf:exceptionMessage>"), xml);
    }

    @Test
    void expiredSessionGetsIllegalSessionFault() throws Exception {
        String sid = login();
        sim.faults().expireSessions();
        String xml = text(post(session(sid), "<getUserInfo xmlns=\"urn:partner.soap.sforce.com\"/>", false));
        assertTrue(xml.contains("<faultcode>sf:INVALID_SESSION_ID</faultcode>"), xml);
        assertTrue(xml.matches("(?s).*<faultstring>INVALID_SESSION_ID: [^<]*Illegal Session.*"), xml);
    }

    @Test
    void moreThanTwoHundredRecordsPerWriteExceedsTheIdLimit() throws Exception {
        String sid = login();
        StringBuilder body = new StringBuilder("<create xmlns=\"urn:partner.soap.sforce.com\" "
                + "xmlns:sf=\"urn:sobject.partner.soap.sforce.com\">");
        for (int i = 0; i < 201; i++) {
            body.append("<sObjects><sf:type>Account</sf:type><sf:Name>A").append(i).append("</sf:Name></sObjects>");
        }
        String xml = text(post(session(sid), body.append("</create>").toString(), true));
        assertTrue(xml.contains("<faultcode>sf:EXCEEDED_ID_LIMIT</faultcode>"), xml);
        assertEquals(0, sim.org().count("Account"));
    }

    @Test
    void injectedFaultsServiceUnavailableAnd503ThenRecover() throws Exception {
        String sid = login();
        sim.faults().failNext(1, "SERVER_UNAVAILABLE", "query").failNext(1, "HTTP_503", "query");
        String query = "<query xmlns=\"urn:partner.soap.sforce.com\"><queryString>SELECT Id FROM Account"
                + "</queryString></query>";
        HttpResponse<byte[]> first = post(session(sid), query, false);
        assertEquals(500, first.statusCode());
        assertTrue(text(first).contains("<faultcode>sf:SERVER_UNAVAILABLE</faultcode>"));
        HttpResponse<byte[]> second = post(session(sid), query, false);
        assertEquals(503, second.statusCode());
        assertEquals(200, post(session(sid), query, false).statusCode());
        assertEquals(3, sim.apiCalls().count("query"));
    }

    @Test
    void afterCommitFailureDropsTheResponseButKeepsTheWrite() throws Exception {
        String sid = login();
        sim.faults().failNextAfterCommit(1, "create");
        String create = "<create xmlns=\"urn:partner.soap.sforce.com\" xmlns:sf=\"urn:sobject.partner.soap.sforce.com\">"
                + "<sObjects><sf:type>Account</sf:type><sf:Name>Lost</sf:Name></sObjects></create>";
        assertThrows(IOException.class, () -> post(session(sid), create, false));
        assertEquals(1, sim.org().count("Account"));
    }

    @Test
    void stalledCallIsCommittedWhileItsResponseIsHeldBack() throws Exception {
        String sid = login();
        sim.faults().stallNextAfterCommit(1, "create", 1_500);
        String create = "<create xmlns=\"urn:partner.soap.sforce.com\" xmlns:sf=\"urn:sobject.partner.soap.sforce.com\">"
                + "<sObjects><sf:type>Account</sf:type><sf:Name>Held</sf:Name></sObjects></create>";
        var reply = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return post(session(sid), create, false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (sim.faults().stalling() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, sim.faults().stalling(), "the response is being held");
        assertEquals(1, sim.org().count("Account"), "the write landed before the response left");
        assertTrue(!reply.isDone(), "the client is still waiting");
        assertEquals(200, reply.get().statusCode());
        assertEquals(0, sim.faults().stalling());
        assertEquals(0, sim.faults().pending());
    }

    @Test
    void dailyLimitAnswersRequestLimitExceeded() throws Exception {
        String sid = login();
        sim.faults().dailyLimit(2);
        String info = "<getUserInfo xmlns=\"urn:partner.soap.sforce.com\"/>";
        assertEquals(200, post(session(sid), info, false).statusCode());
        String xml = text(post(session(sid), info, false));
        assertTrue(xml.contains("<faultcode>sf:REQUEST_LIMIT_EXCEEDED</faultcode>"), xml);
        assertTrue(xml.contains("TotalRequests Limit exceeded."), xml);
    }

    @Test
    void upsertReportsDuplicateExternalIdWhenTwoRecordsMatch() throws Exception {
        String owner = sim.org().adminUserId();
        sim.org().insert("Task", Map.of("Subject", "a", "OwnerId", owner, "JBP_External_Id__c", "T-1"));
        sim.org().insert("Task", Map.of("Subject", "b", "OwnerId", owner, "JBP_External_Id__c", "T-1"));
        String sid = login();
        String xml = text(post(session(sid), "<upsert xmlns=\"urn:partner.soap.sforce.com\" "
                + "xmlns:sf=\"urn:sobject.partner.soap.sforce.com\"><externalIDFieldName>JBP_External_Id__c"
                + "</externalIDFieldName><sObjects><sf:type>Task</sf:type><sf:JBP_External_Id__c>t-1"
                + "</sf:JBP_External_Id__c><sf:Subject>c</sf:Subject></sObjects><sObjects><sf:type>Task</sf:type>"
                + "<sf:JBP_External_Id__c>T-2</sf:JBP_External_Id__c></sObjects></upsert>", false));
        assertTrue(xml.contains("<result><created>false</created><errors><fields>JBP_External_Id__c</fields>"), xml);
        assertTrue(xml.contains("<statusCode>DUPLICATE_EXTERNAL_ID</statusCode>"), xml);
        assertTrue(xml.matches("(?s).*<result><created>true</created><id>00T[^<]{15}</id><success>true</success>.*"),
                xml);
    }

    @Test
    void validationRuleFailsTheRecordWithCustomValidationException() throws Exception {
        sim.org().addValidationRule("Account", "NoTestNames", r -> "Test".equals(r.get("Name")),
                "Name may not be Test", "Name");
        String sid = login();
        String xml = text(post(session(sid), "<create xmlns=\"urn:partner.soap.sforce.com\" "
                + "xmlns:sf=\"urn:sobject.partner.soap.sforce.com\"><sObjects><sf:type>Account</sf:type>"
                + "<sf:Name>Test</sf:Name></sObjects><sObjects><sf:type>Account</sf:type><sf:Name>Fine</sf:Name>"
                + "</sObjects></create>", false));
        assertTrue(xml.contains("<errors><fields>Name</fields><message>Name may not be Test</message>"
                + "<statusCode>FIELD_CUSTOM_VALIDATION_EXCEPTION</statusCode></errors>"), xml);
        assertEquals(1, sim.org().count("Account"));
    }

    @Test
    void adminApiInjectsFaultsAndReportsCalls() throws Exception {
        String sid = login();
        HttpResponse<String> set = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/sim/admin/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"failNext\": 1, \"code\": \"SERVER_UNAVAILABLE\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, set.statusCode());
        assertTrue(text(post(session(sid), "<getUserInfo xmlns=\"urn:partner.soap.sforce.com\"/>", false))
                .contains("sf:SERVER_UNAVAILABLE"));
        HttpResponse<String> calls = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/sim/admin/calls"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(calls.body().startsWith("{\"total\":2,\"byOperation\":{\"getUserInfo\":1,\"login\":1}"),
                calls.body());
        HttpResponse<String> records = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl()
                + "/sim/admin/records/User")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(records.body().contains("\"Username\":\"admin@jbp.demo\""), records.body());
    }
}
