package org.jbp.bench;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jbp.sfsim.SalesforceSimulator;
import org.jbp.sfsim.SimulatorConfig;
import org.jbp.sfsim.generator.GeneratorSpec;
import org.jbp.sfsim.generator.OrgGenerator;

/**
 * Records per second the simulator serves through query/queryMore (batch 2,000), so the connector's benchmarks
 * measure the connector and not the simulator. In one run, against one generated org:
 * <ul>
 *   <li>the baseline: raw SOAP, the responses read as text and discarded (the server alone);</li>
 *   <li>the real client, WSC, parsing every record (what the connector pays on top);</li>
 * </ul>
 * each as the best of {@code rounds}, with the client's share as a ratio against the baseline and the goal of
 * 10,000 records/s through WSC (the target on a quiet machine is 50,000/s). Args: {@code [opportunities=100000]
 * [rounds=3] [gzip=false]}.
 */
public final class SimulatorThroughputBenchmark {

    private static final String SOQL = "SELECT Id, Name, Amount, StageName, CloseDate, PartnerAccountId, IsWon"
            + " FROM Opportunity";
    private static final double GOAL_RECORDS_PER_SECOND = 10_000;
    private static final Pattern SESSION_ID = Pattern.compile("<sessionId>([^<]+)</sessionId>");
    private static final Pattern QUERY_LOCATOR = Pattern.compile("<queryLocator>([^<]+)</queryLocator>");
    private static final String ENVELOPE = "<env:Envelope xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<env:Header>%s<QueryOptions xmlns=\"urn:partner.soap.sforce.com\"><batchSize>2000</batchSize>"
            + "</QueryOptions></env:Header><env:Body>%s</env:Body></env:Envelope>";

    private SimulatorThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int opportunities = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        boolean gzip = args.length > 2 && Boolean.parseBoolean(args[2]);
        long generating = System.nanoTime();
        try (SalesforceSimulator sim = SalesforceSimulator.start(SimulatorConfig.builder().port(0)
                .setup(org -> OrgGenerator.generate(org, GeneratorSpec.of(Math.max(10, opportunities / 200),
                        opportunities, 100, 100, 42))).build())) {
            System.out.printf("generated %,d opportunities in %.1f s%n", opportunities,
                    (System.nanoTime() - generating) / 1e9);
            RawSoap raw = new RawSoap(sim.soapEndpoint(), gzip);
            PartnerConnection wsc = wscConnection(sim.soapEndpoint());
            raw.drain(SOQL + " LIMIT 20000");   // warm both paths' JIT
            drain(wsc, SOQL + " LIMIT 20000");
            double bestRaw = 0;
            double bestWsc = 0;
            for (int round = 1; round <= rounds; round++) {
                bestRaw = Math.max(bestRaw, measure("raw SOAP (gzip=" + gzip + ")", opportunities,
                        () -> raw.drain(SOQL)));
                bestWsc = Math.max(bestWsc, measure("WSC query/queryMore", opportunities, () -> drain(wsc, SOQL)));
            }
            System.out.printf("best of %d: raw SOAP %,.0f records/s (baseline 1.00), WSC %,.0f records/s (%.2f)%n",
                    rounds, bestRaw, bestWsc, bestWsc / bestRaw);
            System.out.printf("goal: WSC > %,.0f records/s: %s%n", GOAL_RECORDS_PER_SECOND,
                    bestWsc > GOAL_RECORDS_PER_SECOND ? "MET" : "MISSED");
        }
    }

    @FunctionalInterface
    private interface Drain {
        int records() throws Exception;
    }

    /** Records per second of one drain; a drain that reads fewer records than the org holds is no measurement. */
    private static double measure(String what, int expected, Drain drain) throws Exception {
        long start = System.nanoTime();
        int records = drain.records();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (records != expected) {
            throw new IllegalStateException(what + " read " + records + " of " + expected + " records");
        }
        System.out.printf("%s: %,d records in %.2f s = %,.0f records/s%n", what, records, seconds, records / seconds);
        return records / seconds;
    }

    private static PartnerConnection wscConnection(String endpoint) throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setAuthEndpoint(endpoint);
        config.setUsername("admin@jbp.demo");
        config.setPassword("demo");
        PartnerConnection connection = Connector.newConnection(config);
        connection.setQueryOptions(2_000);
        return connection;
    }

    private static int drain(PartnerConnection connection, String soql) throws ConnectionException {
        QueryResult page = connection.query(soql);
        int records = page.getRecords().length;
        while (!page.isDone()) {
            page = connection.queryMore(page.getQueryLocator());
            records += page.getRecords().length;
        }
        return records;
    }

    /** query/queryMore as plain HTTP posts of SOAP envelopes; records are counted, not parsed. */
    private static final class RawSoap {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String endpoint;
        private final boolean gzip;
        private final String sessionHeader;

        RawSoap(String endpoint, boolean gzip) throws IOException, InterruptedException {
            this.endpoint = endpoint;
            this.gzip = gzip;
            String login = post(String.format(ENVELOPE, "", "<login xmlns=\"urn:partner.soap.sforce.com\">"
                    + "<username>admin@jbp.demo</username><password>demo</password></login>"));
            Matcher session = SESSION_ID.matcher(login);
            if (!session.find()) {
                throw new IllegalStateException("login answered without a session id: " + login);
            }
            sessionHeader = "<SessionHeader xmlns=\"urn:partner.soap.sforce.com\"><sessionId>" + session.group(1)
                    + "</sessionId></SessionHeader>";
        }

        int drain(String soql) throws IOException, InterruptedException {
            String xml = post(String.format(ENVELOPE, sessionHeader, "<query xmlns=\"urn:partner.soap.sforce.com\">"
                    + "<queryString>" + soql + "</queryString></query>"));
            int records = count(xml);
            Matcher locator = QUERY_LOCATOR.matcher(xml);
            while (locator.find()) {
                xml = post(String.format(ENVELOPE, sessionHeader, "<queryMore xmlns=\"urn:partner.soap.sforce.com\">"
                        + "<queryLocator>" + locator.group(1) + "</queryLocator></queryMore>"));
                records += count(xml);
                locator = QUERY_LOCATOR.matcher(xml);
            }
            return records;
        }

        private static int count(String xml) {
            int records = 0;
            for (int at = xml.indexOf("<records"); at >= 0; at = xml.indexOf("<records", at + 8)) {
                records++;
            }
            return records;
        }

        private String post(String envelope) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint))
                    .header("Content-Type", "text/xml").header("SOAPAction", "\"\"")
                    .POST(HttpRequest.BodyPublishers.ofString(envelope));
            if (!gzip) {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
            }
            request.header("Accept-Encoding", "gzip");
            byte[] body = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
