package org.jbp.it.canvas;

import org.jbp.it.DeployedWar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A deployed WAR and, for the test class, a simulated Salesforce org that opens it as a Canvas app. */
abstract class WithCanvasOrg extends DeployedWar {

    static CanvasOrg org;

    @BeforeAll
    static void startOrg() {
        org = new CanvasOrg();
    }

    @AfterAll
    static void stopOrg() {
        org.close();
    }
}
