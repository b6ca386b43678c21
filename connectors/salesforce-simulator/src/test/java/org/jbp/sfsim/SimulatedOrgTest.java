package org.jbp.sfsim;

import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh simulated org on a free port for each test, and WSC logged in to it as the demo admin. */
abstract class SimulatedOrgTest {

    static final String ADMIN = "admin@jbp.demo";

    protected SalesforceSimulator sim;

    @BeforeEach
    void startSimulator() {
        sim = SalesforceSimulator.start(SimulatorConfig.builder().port(0).build());
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    /** The partner API as WSC opens it: a login with the admin's password, here {@code password}. */
    PartnerConnection connect(String password) throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setAuthEndpoint(sim.soapEndpoint());
        config.setUsername(ADMIN);
        config.setPassword(password);
        return Connector.newConnection(config);
    }

    PartnerConnection connect() throws ConnectionException {
        return connect("demo");
    }

    /** A partner Account inserted directly into the org (no API call counted); its id. */
    String partnerAccount(String name) {
        return sim.org().insert("Account", java.util.Map.of("Name", name, "IsPartner", true));
    }
}
