package org.jbp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the integration tests of the built WAR share: the WAR as built, deployed by Arquillian into Payara Micro
 * against an emptied schema (once per test class), its URL, and a client for each of the usual callers, connected
 * before each test. A test class extends it and adds only what is its own.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class DeployedWar {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return TestEnvironment.freshDeployment();
    }

    @ArquillianResource
    protected URL deployed;

    /** No caller yet: {@code api.as(token)} for any other, {@code api.anonymous()} for none. */
    protected Api api;
    protected Api admin;
    /** The channel manager {@link Fixtures#CAM}. */
    protected Api cam;
    protected Api approver;

    @BeforeEach
    final void connectTheUsualCallers() {
        api = Api.at(deployed);
        admin = api.as(Fixtures.adminToken());
        cam = api.as(Fixtures.camToken());
        approver = api.as(Fixtures.approverToken());
    }

    /** A new partner account of {@code tier}, put by the admin as the sync would; its 15-character id. */
    protected String newPartner(String tier) {
        String id = Fixtures.newAccountId();
        Api.Reply reply = admin.put("/jbp/api/v1/partners/" + id, Fixtures.partner("Partner " + id, tier));
        assertEquals(200, reply.status(), reply.body());
        return id;
    }

    /** Waits for the latch; an interrupt ends the test, the thread's interrupt kept. */
    protected static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
