package org.jbp.sfsim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbp.sfsim.generator.GeneratorSpec;
import org.jbp.sfsim.generator.OrgGenerator;

/** Server-side throughput without client parsing: raw SOAP query/queryMore, bytes discarded. A main, not a test. */
public final class RawThroughputBench {

    private RawThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int opportunities = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        boolean gzip = args.length > 1 && Boolean.parseBoolean(args[1]);
        long g0 = System.nanoTime();
        try (SalesforceSimulator sim = SalesforceSimulator.start(SimulatorConfig.builder().port(0)
                .setup(org -> OrgGenerator.generate(org, GeneratorSpec.of(Math.max(10, opportunities / 100),
                        opportunities, 100, 100, 42))).build())) {
            System.out.printf("generated %,d opportunities in %.1f s, heap used %,d MB%n", opportunities,
                    (System.nanoTime() - g0) / 1e9, (Runtime.getRuntime().totalMemory()
                            - Runtime.getRuntime().freeMemory()) >> 20);
            HttpClient http = HttpClient.newHttpClient();
            String env = "<env:Envelope xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\"><env:Header>%s"
                    + "<QueryOptions xmlns=\"urn:partner.soap.sforce.com\"><batchSize>2000</batchSize></QueryOptions>"
                    + "</env:Header><env:Body>%s</env:Body></env:Envelope>";
            String login = post(http, sim, String.format(env, "", "<login xmlns=\"urn:partner.soap.sforce.com\">"
                    + "<username>admin@jbp.demo</username><password>demo</password></login>"), false);
            Matcher sm = Pattern.compile("<sessionId>([^<]+)</sessionId>").matcher(login);
            sm.find();
            String header = "<SessionHeader xmlns=\"urn:partner.soap.sforce.com\"><sessionId>" + sm.group(1)
                    + "</sessionId></SessionHeader>";
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                String xml = post(http, sim, String.format(env, header, "<query xmlns=\"urn:partner.soap.sforce.com\">"
                        + "<queryString>SELECT Id, Name, Amount, StageName, CloseDate, PartnerAccountId, IsWon FROM "
                        + "Opportunity</queryString></query>"), gzip);
                int batches = 1;
                Pattern loc = Pattern.compile("<queryLocator>([^<]+)</queryLocator>");
                Matcher m = loc.matcher(xml);
                while (m.find()) {
                    xml = post(http, sim, String.format(env, header, "<queryMore xmlns=\"urn:partner.soap.sforce.com\">"
                            + "<queryLocator>" + m.group(1) + "</queryLocator></queryMore>"), gzip);
                    m = loc.matcher(xml);
                    batches++;
                }
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("raw SOAP (gzip=%s): %,d records in %d calls, %.2f s = %,.0f records/s%n", gzip,
                        opportunities, batches, s, opportunities / s);
            }
        }
    }

    private static String post(HttpClient http, SalesforceSimulator sim, String xml, boolean gzip) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.soapEndpoint()))
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(xml));
        if (gzip) {
            b.header("Accept-Encoding", "gzip");
            byte[] body = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
