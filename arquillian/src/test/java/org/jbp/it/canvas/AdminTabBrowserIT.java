package org.jbp.it.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.time.Year;
import java.time.ZoneOffset;
import org.jbp.it.Api;
import org.jbp.it.Fixtures;
import org.jbp.it.SyncFixtures;
import org.jbp.it.TestEnvironment;
import org.jbp.it.WriteFixtures;
import org.jbp.sfsim.SalesforceSimulator;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

/**
 * The admin's page in the plan tab, in headless Chromium: sync runs (start one, watch its progress bar refresh
 * itself until the run completes, the org's API budget once read), a CRM write Salesforce refused (its error and
 * target record, retried from its row and delivered), and the templates with a version shown. The WAR's CRM is
 * the shared test simulator; the canvas org only signs the admin's request.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminTabBrowserIT {

    static final int THIS_YEAR = Year.now(ZoneOffset.UTC).getValue();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestEnvironment.freshDeployment();
    }

    @ArquillianResource
    URL deployed;

    SalesforceSimulator crm;

    @AfterEach
    void cleanUp() {
        if (crm != null) {
            crm.faults().clear();
            crm.org().clearValidationRules();
        }
    }

    @Test
    void adminStartsASyncWatchesItsProgressAndRetriesARefusedWriteUntilSalesforceHasIt() throws IOException {
        TabBrowser.requireBrowser();
        crm = TestEnvironment.simulator();
        Api admin = Api.at(deployed).as(Fixtures.adminToken());
        Api approver = Api.at(deployed).as(Fixtures.approverToken());
        String template = SyncFixtures.template(admin, "Admin browser " + System.nanoTime());
        String plan = WriteFixtures.refusedFundRequest(admin, approver, crm.org(), template, THIS_YEAR);
        String write = WriteFixtures.stopped(admin, plan).get(0).getString("id");

        try (CanvasOrg canvas = new CanvasOrg(); TabBrowser tab = new TabBrowser()) {
            tab.openTab(deployed, canvas.signedRequest(canvas.adminUser, CanvasOrg.ADMIN_PROFILE, null));
            tab.waitForStatus("Portfolio loaded");
            tab.find("button[data-admin-open]").click();
            tab.waitForStatus("Administration loaded");
            assertEquals("", tab.alert());
            assertTrue(tab.find("[data-admin='sync']").getText().contains("No sync has run yet"));
            WebElement row = tab.find("tr[data-write='" + write + "']");
            assertTrue(row.getText().contains("FIELD_CUSTOM_VALIDATION_EXCEPTION"), row.getText());
            assertTrue(row.getText().contains("paused for the audit"), row.getText());
            assertTrue(row.getText().contains("PartnerFundRequest"), "the target record: " + row.getText());
            assertEquals("FAILED", row.getAttribute("data-write-status"));
            tab.screenshots("admin-overview");

            // each Salesforce call slowed down, so the run is seen RUNNING and the page refreshes itself meanwhile
            crm.faults().latencyMillis(400);
            tab.find("button[data-start-run='full']").click();
            tab.waitForStatus("Sync run started (full)");
            WebElement run = tab.find("[data-sync-run]");
            assertEquals("RUNNING", run.getAttribute("data-run-status"), "the run just started: " + run.getText());
            String runId = run.getAttribute("data-sync-run");
            tab.screenshots("admin-sync-running");
            tab.waitFor("the run's progress to move without a reload", d -> {
                WebElement bar = tab.find("[data-sync-run] [role='progressbar']");
                return Integer.parseInt(bar.getAttribute("aria-valuenow")) > 0;
            });
            tab.waitForStatus("Sync run completed");
            crm.faults().clear();
            WebElement done = tab.find("[data-sync-run='" + runId + "']");
            assertEquals("COMPLETED", done.getAttribute("data-run-status"));
            assertEquals("100", done.findElement(org.openqa.selenium.By.cssSelector("[role='progressbar']")).getAttribute("aria-valuenow"));
            assertTrue(done.getText().contains("API requests left today in the org"), "the org's budget once read: " + done.getText());
            assertFalse(done.getText().contains("not read yet"), done.getText());
            tab.screenshots("admin-sync-completed");

            crm.org().clearValidationRules();
            tab.find("button[data-retry='" + write + "']").click();
            tab.waitForStatus("The write was delivered to Salesforce");
            assertEquals("", tab.alert());
            assertTrue(tab.findAll("tr[data-write='" + write + "']").isEmpty(), "the delivered write left the list");
            assertEquals(1, WriteFixtures.fundRequestsInOrg(crm.org(), plan), "in Salesforce once");
            assertEquals(1, admin.get("/jbp/api/v1/crm/write-failures/" + write + "/retries").array().size(),
                    "the retry is recorded");
            tab.screenshots("admin-write-retried");

            tab.find("button[data-open-template='" + template + "']").click();
            tab.waitFor("the template's version", d -> !tab.findAll("[data-template-version='1']").isEmpty());
            assertTrue(tab.find("[data-template-detail]").getText().contains("Channel director"));
            tab.screenshots("admin-template");
        }
    }
}
