package org.jbp.sfsim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.ws.ConnectorConfig;
import java.util.HashSet;
import java.util.Set;
import org.jbp.sfsim.generator.GeneratorSpec;
import org.jbp.sfsim.generator.OrgGenerator;
import org.junit.jupiter.api.Test;

/**
 * The real client pages through a generated org with query and queryMore and reads back every record once. How fast
 * it does so is measured in bench ({@code org.jbp.bench.SimulatorThroughputBenchmark}), not asserted here.
 */
class QueryMoreReadsEveryRecordTest {

    @Test
    void realClientReadsEveryGeneratedOpportunityOnceThroughQueryMore() throws Exception {
        int opportunities = 9_500;   // five pages of 2,000 and a short last one
        try (SalesforceSimulator sim = SalesforceSimulator.start(SimulatorConfig.builder().port(0)
                .setup(org -> OrgGenerator.generate(org, GeneratorSpec.of(50, opportunities, 10, 10, 42)))
                .build())) {
            ConnectorConfig config = new ConnectorConfig();
            config.setAuthEndpoint(sim.soapEndpoint());
            config.setUsername("admin@jbp.demo");
            config.setPassword("demo");
            PartnerConnection c = Connector.newConnection(config);
            c.setQueryOptions(2_000);
            QueryResult page = c.query("SELECT Id, Name, Amount, CloseDate FROM Opportunity");
            assertEquals(opportunities, page.getSize(), "the size names every record before the first page is read");
            Set<String> ids = new HashSet<>();
            int records = 0;
            int pages = 1;
            while (true) {
                for (var record : page.getRecords()) {
                    ids.add(record.getId());
                    records++;
                }
                if (page.isDone()) {
                    break;
                }
                page = c.queryMore(page.getQueryLocator());
                pages++;
            }
            assertEquals(opportunities, records, "every generated opportunity read back");
            assertEquals(opportunities, ids.size(), "none twice");
            assertEquals(5, pages, "pages of the batch size asked for");
        }
    }
}
