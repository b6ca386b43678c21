package org.jbp.it.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jbp.it.Api;
import org.jbp.it.Fixtures;
import org.jbp.it.SyncFixtures;
import org.jbp.it.TestEnvironment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The plan tab in headless Chromium, entered the way Salesforce enters it: a page POSTs the signed request to
 * /jbp/canvas. Uses the system browser and driver (Debian packages chromium and chromium-driver); skipped when
 * they are not installed. Screenshots at 1024 px and at phone width go to target/screenshots for review.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlanTabBrowserIT {

    static final String CHROMIUM = System.getProperty("jbp.test.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("jbp.test.chromedriver", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static final Path FORMS = Paths.get("target", "canvas-forms");
    static final int THIS_YEAR = Year.now(ZoneOffset.UTC).getValue();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TestEnvironment.freshDeployment();
    }

    static CanvasOrg org;
    static ChromeDriverService service;
    static WebDriver browser;
    static Path profile;

    @ArquillianResource
    URL deployed;

    Api admin;
    Api cam;
    String template;

    /**
     * Checked per test rather than in a @BeforeAll, so that each test is reported as skipped with the reason
     * (a class aborted before its tests shows up as "Tests run: 0" without one).
     */
    static void requireBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(Paths.get(CHROMIUM)),
                "Skipped: no Chromium at " + CHROMIUM + " (install the Debian package chromium)");
        Assumptions.assumeTrue(Files.isExecutable(Paths.get(CHROMEDRIVER)),
                "Skipped: no chromedriver at " + CHROMEDRIVER + " (install the Debian package chromium-driver)");
    }

    static void startBrowser() throws IOException {
        if (browser != null) {
            return;
        }
        org = new CanvasOrg();
        Files.createDirectories(SCREENSHOTS);
        Files.createDirectories(FORMS);
        profile = Files.createTempDirectory(Files.createDirectories(Paths.get("target")).toAbsolutePath(), "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1024,900");
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort()
                .withLogFile(Paths.get("target", "chromedriver.log").toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120)).scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            if (org != null) {
                org.close();
            }
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
        }
    }

    @BeforeEach
    void data() throws IOException {
        requireBrowser();
        startBrowser();
        Api api = Api.at(deployed);
        admin = api.as(Fixtures.adminToken());
        // the API as the canvas channel manager, so the plans below are theirs
        cam = api.as(TestEnvironment.token(org.channelManager, "Casey Manager", List.of("channel-manager"), null));
        partner(org.acme, "Acme Partners");
        partner(org.globex, "Globex Channel");
        var body = Json.createObjectBuilder(Fixtures.combinedTemplate("Browser " + System.nanoTime()).build())
                .add("partnerAcceptance", false)
                .add("approvalChain", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "Channel director").add("role", "approver").add("slaHours", 48)))
                .build();
        Api.Reply reply = admin.post("/jbp/api/v1/templates", body);
        assertEquals(201, reply.status(), reply.body());
        template = reply.json().getString("id");
    }

    private void partner(String accountId, String name) {
        JsonObject p = Json.createObjectBuilder().add("name", name).add("tier", "Gold").add("partnerType", "Reseller")
                .add("ownerId", org.channelManager).add("region", "EMEA").build();
        Api.Reply reply = admin.put("/jbp/api/v1/partners/" + accountId, p);
        assertEquals(200, reply.status(), reply.body());
    }

    private JsonObject plan(String accountId, String title, int year) {
        JsonObject body = Json.createObjectBuilder(Fixtures.newPlan(accountId, template, Fixtures.sixSections(year), year))
                .add("title", title).build();
        Api.Reply reply = cam.post("/jbp/api/v1/plans", body);
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    /** A plan of this year for the account, submitted by its channel manager through the API; its id. */
    private String submittedPlan(String accountId, String title) {
        String planId = plan(accountId, title, THIS_YEAR).getString("id");
        Api.Reply submitted = cam.post("/jbp/api/v1/plans/" + planId + "/submit", "");
        assertEquals(200, submitted.status(), submitted.body());
        return planId;
    }

    /** Clicks a lifecycle action's button and waits until the tab says it is done, with no error shown. */
    private void takeAction(WebElement button, String action, String what) {
        button.click();
        waitFor(what, d -> (action + " done").equals(status()) || !alert().isEmpty());
        assertEquals("", alert(), what);
    }

    /** Salesforce's part: a page that POSTs the signed request to the canvas URL as soon as it loads. */
    private void openTab(String userId, String profileId, String recordId) throws IOException {
        String signed = org.signedRequest(userId, profileId, recordId);
        String html = "<!doctype html><html><body onload=\"document.forms[0].submit()\">"
                + "<form method=\"post\" action=\"http://127.0.0.1:" + deployed.getPort() + "/jbp/canvas\">"
                + "<input type=\"hidden\" name=\"signed_request\" value=\"" + signed + "\"></form></body></html>";
        Path form = FORMS.resolve("canvas-" + System.nanoTime() + ".html").toAbsolutePath();
        Files.writeString(form, html, StandardCharsets.UTF_8);
        browser.manage().window().setSize(new Dimension(1024, 900));
        browser.get(form.toUri().toString());
        waitFor("the tab page", d -> d.getCurrentUrl().endsWith("/jbp/canvas") && !d.findElements(By.id("jbp-main")).isEmpty());
    }

    private void waitForStatus(String expected) {
        waitFor("status '" + expected + "'", d -> expected.equals(d.findElement(By.id("jbp-status")).getText().trim())
                || expected.equals(String.valueOf(((JavascriptExecutor) d)
                        .executeScript("return document.getElementById('jbp-status').textContent")).trim()));
    }

    private void waitFor(String what, java.util.function.Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(org.openqa.selenium.NoSuchElementException.class)
                    .until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Waited for " + what + "; alert: '" + alert() + "'; status: '" + status()
                    + "'; url: " + browser.getCurrentUrl() + "\n" + e.getMessage(), e);
        }
    }

    private String alert() {
        List<WebElement> a = browser.findElements(By.id("jbp-alert"));
        return a.isEmpty() ? "" : a.get(0).getText();
    }

    private String status() {
        Object s = ((JavascriptExecutor) browser).executeScript(
                "var e = document.getElementById('jbp-status'); return e ? e.textContent : null");
        return String.valueOf(s);
    }

    private void screenshots(String name) throws IOException {
        TabBrowser.screenshots(browser, name, new int[] {1024, 390}, new int[] {1024});
    }

    /**
     * Opens the plan from the account's list and checks it took the tab one request to the API, its one read
     * ({@code GET /plans/{id}/tab}), counted by the browser's own Resource Timing entries: fewer requests is what
     * the user notices as a faster tab.
     */
    private void openPlanInTab(String planId, String title) {
        waitForStatus("Plans loaded");
        js("performance.setResourceTimingBufferSize(10000); performance.clearResourceTimings();");
        browser.findElement(By.cssSelector("button[data-plan='" + planId + "']")).click();
        waitForStatus("Plan " + title + " loaded");
        assertEquals(List.of("/jbp/api/v1/plans/" + planId + "/tab"), apiRequestsSinceCleared(),
                "opening a plan is one request");
    }

    /** The paths of the API requests the page made since the Resource Timing buffer was last cleared. */
    @SuppressWarnings("unchecked")
    private List<String> apiRequestsSinceCleared() {
        return (List<String>) js("return performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)"
                + ".filter((p) => p.startsWith('/jbp/api/'));");
    }

    @Test
    void channelManagerEditsASectionAndComments() throws IOException {
        String title = "Browser edit plan " + System.nanoTime();
        String planId = plan(org.acme, title, THIS_YEAR + 1).getString("id");

        openTab(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme);
        openPlanInTab(planId, title);
        assertEquals("", alert());
        screenshots("channel-manager-plan");

        browser.findElement(By.cssSelector("button[data-edit='coSell']")).click();
        type(field("sections.coSell.engagementsTarget"), "31");
        type(field("sections.coSell.targetAccounts[0]"), "Initech");
        type(field("sections.coSell.vendorResources.seHours"), "250");
        screenshots("channel-manager-editing");
        save("coSell", "Co-sell goals");
        assertEquals("", alert(), "saving the section");

        WebElement comment = browser.findElement(By.id("jbp-comment"));
        comment.sendKeys("Initech is the co-sell focus this year");
        browser.findElement(By.xpath("//form[.//textarea[@id='jbp-comment']]//button[@type='submit']")).click();
        waitFor("the comment", d -> "Comment added".equals(status()) || !alert().isEmpty());
        assertEquals("", alert(), "adding the comment");
        assertTrue(browser.findElement(By.cssSelector("ul[aria-label='Comments']")).getText()
                .contains("Initech is the co-sell focus this year"));
        screenshots("channel-manager-after-edit");

        JsonObject saved = cam.get("/jbp/api/v1/plans/" + planId).json();
        JsonObject coSell = saved.getJsonObject("sections").getJsonObject("coSell");
        assertEquals(31, coSell.getInt("engagementsTarget"), saved.toString());
        assertEquals("Initech", coSell.getJsonArray("targetAccounts").getString(0));
        assertEquals(2, saved.getInt("revision"));
        String comments = cam.get("/jbp/api/v1/plans/" + planId + "/comments").body();
        assertTrue(comments.contains("Initech is the co-sell focus this year"), comments);
        assertTrue(comments.contains(org.channelManager), comments);
    }

    @Test
    void approverApprovesASubmittedPlanWithTheActionButton() throws IOException {
        String title = "Browser approval plan " + System.nanoTime();
        String planId = submittedPlan(org.acme, title);

        openTab(org.approver, CanvasOrg.APPROVER_PROFILE, org.acme);
        openPlanInTab(planId, title);
        WebElement approve = browser.findElement(By.cssSelector("button[data-action='Approve']"));
        screenshots("approver-before-approval");
        takeAction(approve, "Approve", "approving");
        screenshots("approver-after-approval");
        assertTrue(browser.findElements(By.cssSelector("button[data-action='Approve']")).isEmpty(),
                "nothing left to approve");

        JsonObject plan = cam.get("/jbp/api/v1/plans/" + planId).json();
        assertEquals("ACTIVE", plan.getString("status"), plan.toString());
        String steps = cam.get("/jbp/api/v1/plans/" + planId + "/approvals").body();
        assertTrue(steps.contains("\"APPROVED\""), steps);
        assertTrue(steps.contains(org.approver), steps);
    }

    @Test
    void approverOpensAPlanFromTheQueueDecidesItAndTheQueueNoLongerHoldsIt() throws IOException {
        String title = "Browser queue plan " + System.nanoTime();
        String planId = submittedPlan(org.globex, title);
        String step = cam.get("/jbp/api/v1/plans/" + planId).json().getJsonObject("lifecycle")
                .getJsonObject("currentStep").getString("id");

        openTab(org.approver, CanvasOrg.APPROVER_PROFILE, null);
        waitForStatus("Portfolio loaded");
        WebElement row = browser.findElement(By.cssSelector("tr[data-step='" + step + "']"));
        assertTrue(row.getText().contains("Globex Channel (Gold)"), row.getText());
        assertTrue(row.getText().contains("Channel director"), row.getText());
        assertTrue(row.getText().contains("left"), "the SLA still running: " + row.getText());
        screenshots("approver-queue");

        row.findElement(By.cssSelector("button[data-open-step]")).click();
        // the partner's page opens with the queued plan shown, then announces the page
        waitForStatus("Plans loaded");
        assertTrue(browser.findElement(By.id("jbp-plan")).getText().contains(title), "the queued plan is open");
        browser.findElement(By.cssSelector(".jbp-actions textarea")).sendKeys("Targets agreed at the QBR");
        takeAction(browser.findElement(By.cssSelector("button[data-action='Approve']")), "Approve",
                "approving from the queue");

        browser.findElement(By.xpath("//nav//button[normalize-space()='Portfolio']")).click();
        waitForStatus("Portfolio loaded");
        assertTrue(browser.findElements(By.cssSelector("tr[data-step='" + step + "']")).isEmpty(),
                "the decided step left the queue");
        assertEquals("ACTIVE", cam.get("/jbp/api/v1/plans/" + planId).json().getString("status"));
    }

    @Test
    void partnerUserSeesOnlyTheirOwnPlan() throws IOException {
        String own = "Browser Acme plan " + System.nanoTime();
        String other = "Browser Globex plan " + System.nanoTime();
        String ownId = plan(org.acme, own, THIS_YEAR + 2).getString("id");
        String otherId = plan(org.globex, other, THIS_YEAR + 2).getString("id");

        openTab(org.partnerUser, CanvasOrg.PARTNER_PROFILE, null);
        openPlanInTab(ownId, own);
        screenshots("partner-own-plan");
        String page = browser.getPageSource();
        assertTrue(page.contains(own));
        assertFalse(page.contains(other), "another partner's plan title leaked");
        assertFalse(page.contains(otherId), "another partner's plan id leaked");
        assertFalse(page.contains("Globex Channel"), "another partner's name leaked");
        assertTrue(browser.findElements(By.xpath("//button[normalize-space()='Portfolio']")).isEmpty(),
                "partners have no portfolio");
        WebElement next = browser.findElement(By.cssSelector("li[data-next-plan='" + ownId + "']"));
        assertTrue(next.getText().contains("Fill in") || next.getText().contains("Check the draft"),
                "what the partner must do next on their draft: " + next.getText());
        assertTrue(next.findElement(By.cssSelector("[data-vendor]")).getText().contains("committed"), next.getText());
        assertTrue(browser.findElements(By.cssSelector("li[data-next-plan='" + otherId + "']")).isEmpty());
        // other tests add plans for Acme too; what matters is that none of Globex's is listed
        List<String> globexPlans = admin.get("/jbp/api/v1/partners/" + org.globex + "/plans").array().stream()
                .map(v -> v.asJsonObject().getString("id")).toList();
        assertTrue(globexPlans.contains(otherId), globexPlans.toString());
        for (WebElement b : browser.findElements(By.cssSelector("button[data-plan]"))) {
            assertFalse(globexPlans.contains(b.getAttribute("data-plan")), "Globex plan listed: " + b.getText());
        }
    }

    /** Asks the Canvas SDK in the tab for a fresh signed request, as the tab does before its token expires. */
    private String refreshSignedRequest() {
        return String.valueOf(((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const ask = () => (window.Sfdc && window.Sfdc.canvas)
                  ? window.Sfdc.canvas.client.refreshSignedRequest((d) => done(d.status + ' ' + ((d.payload && d.payload.response) || '')))
                  : setTimeout(ask, 100);
                ask();"""));
    }

    @Test
    void partnerUserWorksOnTheirPlanInsideThePartnerSite() throws IOException {
        org.canvasUrl("http://127.0.0.1:" + deployed.getPort());
        var acceptance = Json.createObjectBuilder(Fixtures.combinedTemplate("Site browser " + System.nanoTime()).build())
                .add("partnerAcceptance", true)
                .add("approvalChain", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("name", "Channel director").add("role", "approver").add("slaHours", 48))).build();
        Api.Reply t = admin.post("/jbp/api/v1/templates", acceptance);
        assertEquals(201, t.status(), t.body());
        String own = "Site Acme plan " + System.nanoTime();
        String other = "Site Globex plan " + System.nanoTime();
        JsonObject body = Json.createObjectBuilder(Fixtures.newPlan(org.acme, t.json().getString("id"),
                Fixtures.sixSections(THIS_YEAR + 3), THIS_YEAR + 3)).add("title", own).build();
        Api.Reply created = cam.post("/jbp/api/v1/plans", body);
        assertEquals(201, created.status(), created.body());
        String ownId = created.json().getString("id");
        plan(org.globex, other, THIS_YEAR + 3);

        // the partner user opens the plan page of the site; the site POSTs the signed request into its frame
        browser.manage().window().setSize(new Dimension(1024, 900));
        browser.get(org.sim.sitePageUrl(org.siteUser));
        waitFor("the site page", d -> !d.findElements(By.id("sim-canvas-frame")).isEmpty());
        browser.switchTo().frame("sim-canvas-frame");
        try {
            waitFor("the tab in the site", d -> !d.findElements(By.id("jbp-main")).isEmpty());
            openPlanInTab(ownId, own);
            assertTrue(browser.findElement(By.id("jbp-who")).getText().contains("partner"));
            String page = browser.getPageSource();
            assertFalse(page.contains(other), "another partner's plan leaked into the site");
            assertFalse(page.contains("Globex Channel"), "another partner's name leaked into the site");

            WebElement comment = browser.findElement(By.id("jbp-comment"));
            comment.sendKeys("We can staff the April webinar");
            browser.findElement(By.xpath("//form[.//textarea[@id='jbp-comment']]//button[@type='submit']")).click();
            waitFor("the comment", d -> "Comment added".equals(status()) || !alert().isEmpty());
            assertEquals("", alert(), "commenting from the site");

            assertEquals(200, cam.post("/jbp/api/v1/plans/" + ownId + "/submit", "").status());
            js("document.getElementById('jbp-status').textContent = ''");
            browser.findElement(By.cssSelector("button[data-plan='" + ownId + "']")).click();
            waitFor("the Accept button", d -> !d.findElements(By.cssSelector("button[data-action='Accept']")).isEmpty());
            takeAction(browser.findElement(By.cssSelector("button[data-action='Accept']")), "Accept",
                    "accepting from the site");
            File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve("partner-site-accepted.png"), StandardCopyOption.REPLACE_EXISTING);

            // the Canvas SDK, loaded from the org, gets a fresh signed request from the site for this user ...
            String refreshed = refreshSignedRequest();
            assertTrue(refreshed.startsWith("200 "), refreshed);
            String envelope = new String(java.util.Base64.getDecoder().decode(
                    refreshed.substring(refreshed.indexOf('.') + 1).trim()), StandardCharsets.UTF_8);
            assertTrue(envelope.contains("\"userId\":\"" + org.siteUser + "\""), envelope);
            assertTrue(envelope.contains("\"siteUrlPrefix\":\"/partners\""), envelope);
            // ... until the user's Salesforce session ends
            org.sim.expireSessionsOf(org.siteUser);
            assertTrue(refreshSignedRequest().startsWith("401"), "no fresh signed request after the session ended");
        } finally {
            browser.switchTo().defaultContent();
        }
        String comments = cam.get("/jbp/api/v1/plans/" + ownId + "/comments").body();
        assertTrue(comments.contains("We can staff the April webinar") && comments.contains(org.siteUser), comments);
        JsonObject step = cam.get("/jbp/api/v1/plans/" + ownId).json().getJsonObject("lifecycle").getJsonObject("currentStep");
        assertEquals("Channel director", step.getString("name"), "the partner's acceptance moved the plan on");
    }

    // ---- helpers for the section forms, the dashboard and keyboard use ----

    /** A next-year DRAFT plan of Acme with all six sections, open in the tab of its channel manager. */
    private String openDraftPlan(String title) throws IOException {
        String planId = plan(org.acme, title, THIS_YEAR + 1).getString("id");
        openTab(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme);
        openPlanInTab(planId, title);
        return planId;
    }

    /** A form control by the JSON path the API names it with in field errors. */
    private WebElement field(String path) {
        return browser.findElement(By.cssSelector("[data-field='" + path + "']"));
    }

    /** Saves a section form and expects the announcement of its success; otherwise fails with the form's text. */
    private void save(String section, String label) {
        js("document.getElementById('jbp-status').textContent = ''");
        browser.findElement(By.cssSelector("button[data-save='" + section + "']")).click();
        waitFor(label + " saved", d -> !status().isEmpty());
        List<WebElement> form = browser.findElements(By.cssSelector("form[data-editing='" + section + "']"));
        assertEquals(label + " saved", status(), form.isEmpty() ? alert() : form.get(0).getText());
    }

    private void typeInCampaignForm(String path, String text) {
        browser.findElement(By.cssSelector("button[data-edit='campaigns']")).click();
        type(field(path), text);
    }

    private static void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private String conflictMessage() {
        List<WebElement> c = browser.findElements(By.cssSelector(".jbp-conflict"));
        return c.isEmpty() ? "" : c.get(0).getText();
    }

    private JsonObject campaign(String planId) {
        return cam.get("/jbp/api/v1/plans/" + planId).json().getJsonObject("sections").getJsonArray("campaigns").getJsonObject(0);
    }

    /** An open alert as the sync's alert evaluation leaves it (the sync itself is SyncIT's subject). */
    private static void openAlert(String planId, String kpiKey, String message) {
        try (java.sql.Connection c = TestEnvironment.database().getConnection();
             java.sql.PreparedStatement insert = c.prepareStatement("insert into kpi_alert (id, plan_id, kpi_key, metric,"
                     + " status, opened_at, threshold, pace_percent, actual, expected, message)"
                     + " values (?, ?, ?, ?, 'OPEN', now(), 80, 44, 400000, 904891, ?)")) {
            insert.setObject(1, java.util.UUID.randomUUID());
            insert.setObject(2, java.util.UUID.fromString(planId));
            insert.setString(3, kpiKey);
            insert.setString(4, kpiKey);
            insert.setString(5, message);
            assertEquals(1, insert.executeUpdate());
        } catch (java.sql.SQLException e) {
            throw new AssertionError("cannot open an alert for the test", e);
        }
    }

    /** Submitted and approved through the API, so that actuals may be recorded for it. */
    private void approve(String planId) {
        Api.Reply submitted = cam.post("/jbp/api/v1/plans/" + planId + "/submit", "");
        assertEquals(200, submitted.status(), submitted.body());
        String step = submitted.json().getJsonObject("lifecycle").getJsonObject("currentStep").getString("id");
        Api.Reply approved = Api.at(deployed).as(Fixtures.approverToken())
                .post("/jbp/api/v1/plans/" + planId + "/approvals/" + step + "/approve", "");
        assertEquals(200, approved.status(), approved.body());
    }

    /** Presses Tab until the focused element matches the selector; fails after {@code limit} presses. */
    private WebElement tabTo(String selector, int limit) {
        for (int i = 0; i < limit; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            if (Boolean.TRUE.equals(js("return document.activeElement.matches(arguments[0])", selector))) {
                return browser.switchTo().activeElement();
            }
        }
        throw new AssertionError("Tab never reached " + selector + " in " + limit + " presses; focus is on "
                + js("return document.activeElement.outerHTML.slice(0, 200)"));
    }

    private void press(CharSequence key) {
        new Actions(browser).sendKeys(key).perform();
    }

    private long pageOverflowAt(int width) {
        browser.manage().window().setSize(new Dimension(width, 900));
        waitFor("the window at " + width + " px", d -> ((Number) js("return window.innerWidth")).intValue() <= width);
        return ((Number) js("return document.scrollingElement.scrollWidth - window.innerWidth")).longValue();
    }

    @Test
    void campaignMdfEditedInTheFormIsSavedWithAReasonedRevision() throws IOException {
        String title = "Browser MDF plan " + System.nanoTime();
        String planId = openDraftPlan(title);

        browser.findElement(By.cssSelector("button[data-edit='campaigns']")).click();
        WebElement mdf = field("sections.campaigns[0].mdfRequested.amount");
        assertEquals("15000", mdf.getAttribute("value").replaceAll("\\.0+$", ""), "the form starts from the saved MDF");
        type(mdf, "22500");
        browser.findElement(By.cssSelector("button[data-add='sections.campaigns']")).click();
        type(field("sections.campaigns[1].name"), "Autumn partner roadshow");
        new Select(field("sections.campaigns[1].tactic")).selectByValue("EVENT");
        type(field("sections.campaigns[1].mdfRequested.amount"), "5000");
        type(field("reason-campaigns"), "More MDF for the spring webinar");
        screenshots("campaigns-editing");
        save("campaigns", "Campaign calendar and MDF");

        JsonObject plan = cam.get("/jbp/api/v1/plans/" + planId).json();
        var campaigns = plan.getJsonObject("sections").getJsonArray("campaigns");
        assertEquals(2, campaigns.size(), campaigns.toString());
        JsonObject spring = campaigns.getJsonObject(0);
        assertEquals("spring-webinar", spring.getString("key"), "the campaign keeps its key");
        assertEquals(0, spring.getJsonObject("mdfRequested").getJsonNumber("amount").bigDecimalValue()
                .compareTo(new java.math.BigDecimal("22500")), spring.toString());
        assertEquals("Autumn partner roadshow", campaigns.getJsonObject(1).getString("name"));
        assertEquals("EVENT", campaigns.getJsonObject(1).getString("tactic"));
        assertEquals(2, plan.getInt("revision"));
        String revisions = cam.get("/jbp/api/v1/plans/" + planId + "/revisions").body();
        assertTrue(revisions.contains("More MDF for the spring webinar"), revisions);
        assertTrue(browser.findElement(By.cssSelector("section[data-section='campaigns']")).getText().contains("22,500"),
                "the saved MDF is shown read-only");
    }

    @Test
    void activePlanChangesOnlyThroughAnAmendmentProposedFromTheForm() throws IOException {
        String title = "Browser amendment plan " + System.nanoTime();
        String planId = plan(org.acme, title, THIS_YEAR).getString("id");
        approve(planId);
        openTab(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme);
        openPlanInTab(planId, title);

        WebElement propose = browser.findElement(By.cssSelector("button[data-edit='campaigns']"));
        assertEquals("Propose change", propose.getText().trim(), "an ACTIVE plan is not edited in place");
        propose.click();
        type(field("sections.campaigns[0].mdfRequested.amount"), "18000");
        type(field("reason-campaigns"), "Second wave of the webinar agreed in the review");
        js("document.getElementById('jbp-status').textContent = ''");
        browser.findElement(By.cssSelector("button[data-save='campaigns']")).click();
        waitFor("the amendment proposed", d -> !status().isEmpty());
        assertEquals("Campaign calendar and MDF: amendment proposed for approval", status(), alert());

        var amendments = cam.get("/jbp/api/v1/plans/" + planId + "/amendments").array();
        assertEquals(1, amendments.size(), amendments.toString());
        assertEquals("Second wave of the webinar agreed in the review", amendments.getJsonObject(0).getString("rationale"));
        assertEquals(0, campaign(planId).getJsonObject("mdfRequested").getJsonNumber("amount").bigDecimalValue()
                .compareTo(new java.math.BigDecimal("15000")), "the agreed plan holds until the amendment is approved");

        String step = cam.get("/jbp/api/v1/plans/" + planId).json().getJsonObject("lifecycle").getJsonObject("currentStep")
                .getString("id");
        Api.Reply approved = Api.at(deployed).as(Fixtures.approverToken())
                .post("/jbp/api/v1/plans/" + planId + "/approvals/" + step + "/approve", "");
        assertEquals(200, approved.status(), approved.body());
        assertEquals(0, campaign(planId).getJsonObject("mdfRequested").getJsonNumber("amount").bigDecimalValue()
                .compareTo(new java.math.BigDecimal("18000")), "approved, the amendment changes the plan");
        assertTrue(browser.findElements(By.cssSelector("button[data-action='Amend']")).isEmpty(),
                "no action that proposes an empty amendment");
    }

    @Test
    void quarterlySplitThatDoesNotAddUpIsMarkedAndACorrectedOneIsSaved() throws IOException {
        String title = "Browser quarters plan " + System.nanoTime();
        String planId = openDraftPlan(title);

        browser.findElement(By.cssSelector("button[data-edit='revenue']")).click();
        type(field("sections.revenue.quarters[0].pipeline.amount"), "2000000");
        browser.findElement(By.cssSelector("button[data-save='revenue']")).click();
        waitFor("the error on the split", d -> !d.findElements(By.cssSelector(".slds-has-error")).isEmpty());
        WebElement split = browser.findElement(By.cssSelector(".slds-has-error"));
        assertEquals("sections.revenue.quarters", split.getAttribute("data-path"), "the sum error sits under the whole split");
        assertTrue(split.getText().contains("adds up to"), split.getText());

        type(field("sections.revenue.quarters[1].pipeline.amount"), "0");
        save("revenue", "Revenue and pipeline targets");
        var quarters = cam.get("/jbp/api/v1/plans/" + planId).json().getJsonObject("sections").getJsonObject("revenue")
                .getJsonArray("quarters");
        assertEquals(0, quarters.getJsonObject(0).getJsonObject("pipeline").getJsonNumber("amount").bigDecimalValue()
                .compareTo(new java.math.BigDecimal("2000000")), quarters.toString());
        assertEquals(0, quarters.getJsonObject(1).getJsonObject("pipeline").getJsonNumber("amount").bigDecimalValue().signum());
    }

    @Test
    void swotCertificationsAndKpiTargetsAreEditedInTheirForms() throws IOException {
        String title = "Browser forms plan " + System.nanoTime();
        String planId = openDraftPlan(title);

        browser.findElement(By.cssSelector("button[data-edit='profile']")).click();
        browser.findElement(By.cssSelector("button[data-add='sections.profile.swot.threats']")).click();
        assertEquals("sections.profile.swot.threats[1]", browser.switchTo().activeElement().getAttribute("data-field"),
                "focus goes to the new item");
        browser.switchTo().activeElement().sendKeys("New vendor in the region");
        browser.findElement(By.cssSelector("button[data-remove='sections.profile.swot.weaknesses[0]']")).click();
        save("profile", "Partner profile and SWOT");

        browser.findElement(By.cssSelector("button[data-edit='certifications']")).click();
        browser.findElement(By.cssSelector("button[data-add='sections.certifications']")).click();
        new Select(field("sections.certifications[1].role")).selectByValue("SALES");
        type(field("sections.certifications[1].track"), "Sales Foundations");
        type(field("sections.certifications[1].count"), "5");
        save("certifications", "Certification milestones");

        // closed revenue is entered once, in the revenue section; the KPI measuring it only shows it
        browser.findElement(By.cssSelector("button[data-edit='kpis']")).click();
        assertTrue(browser.findElements(By.cssSelector("[data-field='sections.kpis[0].target']")).isEmpty(),
                "no second input for closed revenue");
        WebElement fromRevenue = browser.findElement(By.cssSelector("section[data-section='kpis'] form tr[data-kpi='revenue_won']"));
        assertEquals("true", fromRevenue.getAttribute("data-from-revenue"));
        assertTrue(fromRevenue.getText().contains("set in Revenue and pipeline targets"), fromRevenue.getText());
        browser.findElement(By.cssSelector("button[data-cancel='kpis']")).click();
        browser.findElement(By.cssSelector("button[data-edit='revenue']")).click();
        type(field("sections.revenue.closedRevenue.amount"), "1200000");
        browser.findElement(By.cssSelector("button[data-split='equal']")).click();
        save("revenue", "Revenue and pipeline targets");

        JsonObject sections = cam.get("/jbp/api/v1/plans/" + planId).json().getJsonObject("sections");
        JsonObject swot = sections.getJsonObject("profile").getJsonObject("swot");
        assertEquals(List.of("Aggressive competitor pricing", "New vendor in the region"),
                swot.getJsonArray("threats").getValuesAs(jakarta.json.JsonString::getString));
        assertTrue(!swot.containsKey("weaknesses") || swot.isNull("weaknesses") || swot.getJsonArray("weaknesses").isEmpty(),
                swot.toString());
        JsonObject milestone = sections.getJsonArray("certifications").getJsonObject(1);
        assertEquals("SALES", milestone.getString("role"));
        assertEquals("Sales Foundations", milestone.getString("track"));
        assertEquals(5, milestone.getInt("count"));
        JsonObject kpi = sections.getJsonArray("kpis").getJsonObject(0);
        assertEquals("revenue_won", kpi.getString("kpiKey"));
        assertEquals(0, kpi.getJsonNumber("target").bigDecimalValue().compareTo(new java.math.BigDecimal("1200000")));
        assertEquals(0, kpi.getJsonArray("quarterly").getJsonNumber(3).bigDecimalValue().compareTo(new java.math.BigDecimal("300000")));
        assertTrue(browser.findElement(By.cssSelector("section[data-section='kpis'] tr[data-kpi='revenue_won']")).getText()
                .contains("1,200,000"), "the KPI section shows the revenue section's figure");
        assertEquals(4, cam.get("/jbp/api/v1/plans/" + planId).json().getInt("revision"), "a revision per saved form");
    }

    @Test
    void aFieldErrorFromTheApiIsShownNextToItsField() throws IOException {
        String title = "Browser field error plan " + System.nanoTime();
        String planId = openDraftPlan(title);

        typeInCampaignForm("sections.campaigns[0].crmCampaignId", "not-a-campaign");
        browser.findElement(By.cssSelector("button[data-save='campaigns']")).click();
        waitFor("the field error", d -> !d.findElements(By.cssSelector(".slds-has-error")).isEmpty());
        WebElement wrapper = browser.findElement(By.cssSelector(".slds-has-error"));
        assertEquals("sections.campaigns[0].crmCampaignId", wrapper.getAttribute("data-path"));
        assertTrue(wrapper.getText().contains("Salesforce Campaign id"), wrapper.getText());
        assertEquals("true", field("sections.campaigns[0].crmCampaignId").getAttribute("aria-invalid"));
        assertEquals("not-a-campaign", field("sections.campaigns[0].crmCampaignId").getAttribute("value"), "the input is kept");
        screenshots("campaigns-field-error");
        assertEquals(1, cam.get("/jbp/api/v1/plans/" + planId).json().getInt("revision"), "nothing saved");
    }

    @Test
    void aStaleSaveShowsTheConflictKeepsTheInputAndSavesAfterReload() throws IOException {
        String title = "Browser conflict plan " + System.nanoTime();
        String planId = openDraftPlan(title);

        typeInCampaignForm("sections.campaigns[0].mdfRequested.amount", "30000");
        // someone else saves another section meanwhile
        Api.Reply current = cam.get("/jbp/api/v1/plans/" + planId);
        Api.Reply other = cam.patch("/jbp/api/v1/plans/" + planId, current.header("ETag"),
                "{\"sections\":{\"coSell\":{\"engagementsTarget\":77}}}");
        assertEquals(200, other.status(), other.body());

        browser.findElement(By.cssSelector("button[data-save='campaigns']")).click();
        waitFor("the conflict message", d -> !conflictMessage().isEmpty());
        assertTrue(conflictMessage().toLowerCase().contains("someone else changed this plan"), conflictMessage());
        assertEquals("30000", field("sections.campaigns[0].mdfRequested.amount").getAttribute("value"), "the input is kept");
        screenshots("campaigns-conflict");
        assertEquals(0, campaign(planId).getJsonObject("mdfRequested").getJsonNumber("amount").bigDecimalValue()
                .compareTo(new java.math.BigDecimal("15000")), "the stale save changed nothing");

        browser.findElement(By.cssSelector("button[data-reload='conflict']")).click();
        waitForStatus("Plan " + title + " loaded");
        assertEquals("30000", field("sections.campaigns[0].mdfRequested.amount").getAttribute("value"),
                "the reloaded form still holds what was typed");
        assertTrue(browser.findElement(By.cssSelector("section[data-section='coSell']")).getText().contains("77"),
                "the other person's change is shown");
        save("campaigns", "Campaign calendar and MDF");
        JsonObject plan = cam.get("/jbp/api/v1/plans/" + planId).json();
        assertEquals(0, plan.getJsonObject("sections").getJsonArray("campaigns").getJsonObject(0).getJsonObject("mdfRequested")
                .getJsonNumber("amount").bigDecimalValue().compareTo(new java.math.BigDecimal("30000")), plan.toString());
        assertEquals(77, plan.getJsonObject("sections").getJsonObject("coSell").getInt("engagementsTarget"),
                "the other person's change survives");
        assertEquals(3, plan.getInt("revision"));
    }

    @Test
    void dashboardShowsPlannedAndActualBarsWithPaceAndStatus() throws IOException {
        String title = "Browser dashboard plan " + System.nanoTime();
        String planId = plan(org.acme, title, THIS_YEAR).getString("id");
        approve(planId);
        Api.Reply recorded = cam.post("/jbp/api/v1/plans/" + planId + "/actuals", Json.createObjectBuilder()
                .add("values", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("metric", "revenue_won").add("quarter", 0).add("value", 400000))
                        .add(Json.createObjectBuilder().add("metric", "deals_registered").add("quarter", 0).add("value", 12))
                        .add(Json.createObjectBuilder().add("metric", "certifications_completed(TECHNICAL)").add("quarter", 0).add("value", 2)))
                .build());
        assertEquals(200, recorded.status(), recorded.body());
        openAlert(planId, "revenue_won", "Closed revenue is at 44 % of its expected pace");
        JsonObject dashboard = cam.get("/jbp/api/v1/plans/" + planId + "/dashboard").json();
        JsonObject revenue = dashboard.getJsonArray("kpis").stream().map(v -> v.asJsonObject())
                .filter(k -> k.getString("key").equals("revenue_won")).findFirst().orElseThrow();

        openTab(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme);
        openPlanInTab(planId, title);
        WebElement chart = browser.findElement(By.cssSelector("svg[data-kpi-chart='revenue_won']"));
        double planned = Double.parseDouble(chart.findElement(By.cssSelector("rect[data-bar='planned']")).getAttribute("width"));
        double actual = Double.parseDouble(chart.findElement(By.cssSelector("rect[data-bar='actual']")).getAttribute("width"));
        assertTrue(actual > 0, "an actual bar is drawn");
        assertEquals(0.4, actual / planned, 0.01, "the actual bar is 400,000 / 1,000,000 of the planned one");
        assertFalse(chart.findElements(By.cssSelector("line[data-marker='pace']")).isEmpty(), "the pace marker");
        double pace = Double.parseDouble(chart.findElement(By.cssSelector("line[data-marker='pace']")).getAttribute("x1"));
        double expected = revenue.getJsonNumber("expectedToDate").doubleValue() / 1_000_000 * planned;
        assertEquals(expected, pace, 0.5, "the pace marker sits at what was expected by today");
        assertFalse(chart.findElements(By.cssSelector("line[data-marker='projection']")).isEmpty(), "the projection marker");
        assertTrue(chart.getAttribute("aria-label").contains("actual"), chart.getAttribute("aria-label"));
        WebElement badge = browser.findElement(By.cssSelector("li[data-kpi='revenue_won'] .jbp-status-badge"));
        assertEquals(revenue.getString("status"), badge.getAttribute("data-status"));
        assertTrue(List.of("On track", "At risk", "Off track").contains(badge.getText()), badge.getText());
        assertTrue(browser.findElement(By.cssSelector("dd[data-actual='revenue_won']")).getText().contains("400,000"));
        assertFalse(browser.findElements(By.cssSelector("svg[data-kpi-chart='deals_registered'] rect[data-bar='actual']")).isEmpty());
        // closed revenue and deals are one target each, shown once (as the KPIs); pipeline has no KPI of its own
        assertTrue(browser.findElements(By.cssSelector("li[data-kpi='closedRevenue'], li[data-kpi='registeredDeals']")).isEmpty(),
                "the revenue section's figures are not shown a second time");
        assertFalse(browser.findElements(By.cssSelector("li[data-kpi='pipeline']")).isEmpty(), "the pipeline target");
        WebElement certs = browser.findElement(By.cssSelector(".jbp-certs li[data-role='TECHNICAL'] [role='progressbar']"));
        assertEquals("67", certs.getAttribute("aria-valuenow"), "2 of 3 technical certifications");
        assertTrue(browser.findElement(By.cssSelector(".jbp-synced")).getText().contains("last synced"));
        assertTrue(browser.findElement(By.cssSelector("li[data-alert='revenue_won']")).getText()
                .contains("Closed revenue is at 44 % of its expected pace"), "the open alert is listed");
        assertFalse(browser.findElements(By.cssSelector("tr[data-campaign='spring-webinar']")).isEmpty(), "campaign funds");
        List<String> editLabels = browser.findElements(By.cssSelector("button[data-edit]")).stream()
                .map(b -> b.getText().trim()).distinct().toList();
        assertEquals(List.of("Propose change"), editLabels, "an active plan changes only by amendment");
        assertTrue(browser.findElements(By.cssSelector("section[data-section] input")).isEmpty(), "no inputs in read-only sections");
        screenshots("dashboard");
    }

    @Test
    void burnUpChartShowsTheActualAgainstThePlannedPaceAndTheProjectionWithItsFigures() throws IOException {
        String title = "Browser burn-up plan " + System.nanoTime();
        String planId = plan(org.acme, title, THIS_YEAR).getString("id");
        approve(planId);
        Api.Reply recorded = cam.post("/jbp/api/v1/plans/" + planId + "/actuals", Json.createObjectBuilder()
                .add("values", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("metric", "revenue_won").add("quarter", 0).add("value", 400000)))
                .build());
        assertEquals(200, recorded.status(), recorded.body());
        JsonObject revenue = cam.get("/jbp/api/v1/plans/" + planId + "/burn-up").array().stream()
                .map(v -> v.asJsonObject()).filter(c -> c.getString("key").equals("revenue_won")).findFirst().orElseThrow();
        java.util.Set<String> dates = new java.util.TreeSet<>();
        for (String series : List.of("actual", "pace", "projection")) {
            revenue.getJsonArray(series).forEach(p -> dates.add(p.asJsonObject().getString("date")));
        }

        openTab(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme);
        openPlanInTab(planId, title);
        WebElement chart = browser.findElement(By.cssSelector("svg[data-burnup='revenue_won']"));
        List<double[]> pace = points(chart, "pace");
        List<double[]> actual = points(chart, "actual");
        assertEquals(5, pace.size(), "the pace runs from the start through the end of each of the four quarters");
        double baseline = pace.get(0)[1];
        double grown = (baseline - actual.get(actual.size() - 1)[1]) / (baseline - pace.get(pace.size() - 1)[1]);
        assertEquals(0.4, grown, 0.01, "the actual reaches 400,000 of the 1,000,000 planned");
        assertFalse(chart.findElements(By.cssSelector("polyline[data-series='projection']")).isEmpty(),
                "a running period projects to its end");
        assertEquals(3, chart.findElements(By.cssSelector("line[data-quarter]")).size(), "quarter boundaries Q2 to Q4");
        String labelled = chart.getAttribute("aria-labelledby");
        assertTrue(browser.findElement(By.id(labelled.split(" ")[1])).getAttribute("textContent").contains("$400,000"),
                "the chart's description says the actual");

        WebElement figures = browser.findElement(By.cssSelector("details[data-burnup-figures='revenue_won']"));
        figures.findElement(By.tagName("summary")).click();
        List<WebElement> rows = figures.findElements(By.cssSelector("tbody tr"));
        assertEquals(List.copyOf(dates), rows.stream().map(r -> r.getAttribute("data-date")).toList(),
                "a row for every date of any series");
        String today = revenue.getString("asOf");
        assertTrue(figures.findElement(By.cssSelector("tr[data-date='" + today + "'] td")).getText().contains("400,000"),
                "today's actual in the table");
        screenshots("burn-up");
    }

    /** The points of one series of a burn-up chart, as SVG coordinates. */
    private static List<double[]> points(WebElement chart, String series) {
        String points = chart.findElement(By.cssSelector("polyline[data-series='" + series + "']")).getAttribute("points");
        return java.util.Arrays.stream(points.trim().split("\\s+")).map(p -> p.split(","))
                .map(xy -> new double[]{Double.parseDouble(xy[0]), Double.parseDouble(xy[1])}).toList();
    }

    @Test
    void channelManagerHomeSortsTheHeatTableAndLeadsFromAnAlertToThePlan() throws IOException {
        String title = "Browser home plan " + System.nanoTime();
        String planId = plan(org.acme, title, THIS_YEAR).getString("id");
        approve(planId);
        openAlert(planId, "revenue_won", "Closed revenue is at 31 % of its expected pace");

        openTab(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, null);
        waitForStatus("Portfolio loaded");
        assertEquals("", alert());
        assertFalse(browser.findElements(By.cssSelector("tr[data-home-plan='" + planId + "']")).isEmpty(),
                "the plan has its row in the heat table");
        browser.findElement(By.cssSelector("button[data-sort='Partner']")).click();
        WebElement header = browser.findElement(By.xpath("//th[.//button[@data-sort='Partner']]"));
        assertEquals("descending", header.getAttribute("aria-sort"), "the sorted column says so");
        browser.findElement(By.cssSelector("button[data-sort='Partner']")).click();
        assertEquals("ascending", browser.findElement(By.xpath("//th[.//button[@data-sort='Partner']]"))
                .getAttribute("aria-sort"));
        screenshots("channel-manager-home");

        WebElement fromAlert = browser.findElement(By.xpath("//li[@data-alert][contains(., 'at 31 %')]//button"));
        fromAlert.click();
        waitForStatus("Plans loaded");
        assertTrue(browser.findElement(By.id("jbp-plan")).getText().contains(title), "the alert opened its plan");
    }

    @Test
    void reviewFromTheHomeRecordsActionsAndTheNextReviewClosesOrCarriesEachOver() throws IOException {
        String title = "Browser review plan " + System.nanoTime();
        String planId = plan(org.acme, title, THIS_YEAR).getString("id");
        approve(planId);
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);

        openTab(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, null);
        waitForStatus("Portfolio loaded");
        browser.findElement(By.cssSelector("tr[data-home-plan='" + planId + "'] th button")).click();
        waitForStatus("Plans loaded");
        assertTrue(browser.findElement(By.id("jbp-plan")).getText().contains(title), "the home opened the plan");

        openDialog("Record review", "review");
        WebElement revenue = browser.findElement(By.cssSelector("[data-dialog='review'] tr[data-snapshot='revenue_won']"));
        assertEquals(5, revenue.findElements(By.cssSelector("th, td")).size(), revenue.getText());
        assertTrue(revenue.findElements(By.cssSelector("[data-status]")).size() == 1, "the pace status beside the target");
        assertTrue(browser.findElement(By.cssSelector("[data-dialog='review']")).getText()
                .contains("This is the plan's first review."));
        type(field("notes"), "First review: webinar planned");
        addAction(0, "Approve the webinar MDF", "VENDOR", "Dana", today.plusDays(7));
        addAction(1, "Invite 40 accounts", "PARTNER", null, null);
        forgetRequests();
        confirm("review");
        waitFor("the missing due date marked", d -> !fieldErrors().isEmpty());
        assertEquals(List.of("actions[1].dueDate"), browser.findElements(By.cssSelector("[data-dialog='review'] .slds-has-error"))
                .stream().map(e -> e.getAttribute("data-path")).toList());
        assertEquals(List.of(), requestsTo("/reviews"), "an action without a due date is refused in the tab");
        setDate("actions[1].dueDate", today.plusDays(14));
        confirm("review");
        expectDone("Record review done");
        assertEquals(List.of("OPEN", "OPEN"), actionStatuses());

        openDialog("Record review", "review");
        List<WebElement> open = browser.findElements(By.cssSelector("[data-dialog='review'] fieldset[data-open-action-row]"));
        assertEquals(2, open.size(), "the next review shows the open actions of the last one");
        assertTrue(open.get(0).getText().contains("Approve the webinar MDF") && open.get(0).getText().contains("Vendor: Dana"),
                open.get(0).getText());
        screenshots("review-workspace");
        type(field("notes"), "Second review: MDF approved, invitations late");
        forgetRequests();
        confirm("review");
        waitFor("the undecided actions marked", d -> !fieldErrors().isEmpty());
        assertEquals(List.of("previousActions[0]", "previousActions[1]"), browser.findElements(
                By.cssSelector("[data-dialog='review'] .slds-has-error")).stream().map(e -> e.getAttribute("data-path")).toList());
        assertEquals(List.of(), requestsTo("/reviews"), "every open action needs a decision before anything is sent");
        choose(0, "DONE");
        browser.findElement(By.cssSelector("button[data-carry-rest='review']")).click();
        confirm("review");
        expectDone("Record review done");

        List<JsonObject> held = cam.get("/jbp/api/v1/plans/" + planId + "/reviews").array().getValuesAs(JsonObject.class)
                .stream().filter(r -> r.getString("status").equals("COMPLETED"))
                .sorted(Comparator.comparing(r -> r.getString("completedAt"))).toList();
        assertEquals(List.of("DONE", "CARRIED_OVER"), held.get(0).getJsonArray("actions").getValuesAs(JsonObject.class)
                .stream().map(a -> a.getString("status")).toList());
        JsonObject carried = held.get(1).getJsonArray("actions").getJsonObject(0);
        assertEquals("Invite 40 accounts", carried.getString("description"));
        assertEquals(held.get(0).getString("id"), carried.getJsonObject("carriedFrom").getString("reviewId"));
        assertEquals(List.of("OPEN", "DONE", "CARRIED_OVER"), actionStatuses(), "latest review first");
        assertTrue(browser.findElement(By.cssSelector("[data-review='" + held.get(1).getString("id") + "']")).getText()
                .contains("carried over from"));
        screenshots("review-held");
    }

    private void addAction(int i, String description, String side, String person, LocalDate due) {
        browser.findElement(By.cssSelector("[data-dialog='review'] button[data-add='actions']")).click();
        type(field("actions[" + i + "].description"), description);
        new Select(field("actions[" + i + "].ownerSide")).selectByValue(side);
        if (person != null) {
            type(field("actions[" + i + "].owner"), person);
        }
        if (due != null) {
            setDate("actions[" + i + "].dueDate", due);
        }
    }

    /** A date input's value as a picker leaves it; typed keys depend on the browser's locale. */
    private void setDate(String path, LocalDate day) {
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
                field(path), day.toString());
    }

    private void choose(int openAction, String decision) {
        WebElement input = browser.findElement(By.cssSelector("[data-dialog='review'] input[data-open-action='"
                + openAction + "'][data-decision='" + decision + "']"));
        browser.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']")).click();
    }

    private List<String> actionStatuses() {
        return browser.findElements(By.cssSelector("[data-review] [data-action-status]")).stream()
                .map(e -> e.getAttribute("data-action-status")).toList();
    }

    @Test
    void channelManagerCreatesAPlanFromATemplateForThisPartner() throws IOException {
        Api.Reply light = admin.post("/jbp/api/v1/templates", Fixtures.lightTemplate("Browser light " + System.nanoTime()).build());
        assertEquals(201, light.status(), light.body());
        String lightId = light.json().getString("id");
        String title = "Browser created plan " + System.nanoTime();

        openTab(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme);
        waitForStatus("Plans loaded");
        browser.findElement(By.cssSelector("button[data-new-plan='open']")).click();
        waitFor("the template choice", d -> !d.findElements(By.cssSelector("[data-dialog='new-plan'] [data-field='templateId']")).isEmpty());
        var templates = new Select(field("templateId"));
        List<String> offered = templates.getOptions().stream().map(o -> o.getAttribute("value")).toList();
        assertTrue(offered.contains(template), "the Gold template is offered: " + offered);
        assertFalse(offered.contains(lightId), "a template for other tiers is not offered");
        templates.selectByValue(template);
        new Select(field("period")).selectByValue("FISCAL_QUARTER");
        type(field("period.fiscalYear"), String.valueOf(THIS_YEAR + 3));
        new Select(field("period.quarter")).selectByValue("2");
        type(field("currency"), "EUR");
        type(field("title"), title);
        screenshots("new-plan-dialog");
        browser.findElement(By.cssSelector("button[data-new-plan='create']")).click();
        waitFor("the created plan", d -> ("Plan " + title + " created").equals(status())
                || !d.findElements(By.cssSelector("[data-dialog='new-plan'] .jbp-form-error")).isEmpty());
        assertTrue(browser.findElements(By.cssSelector("[data-dialog='new-plan']")).isEmpty(), "the dialog closed");
        assertTrue(browser.findElement(By.id("jbp-plan")).getText().contains(title), "the new plan is open");

        JsonObject created = cam.get("/jbp/api/v1/partners/" + org.acme + "/plans").array().stream()
                .map(v -> v.asJsonObject()).filter(p -> p.getString("title").equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no plan titled " + title));
        JsonObject plan = cam.get("/jbp/api/v1/plans/" + created.getString("id")).json();
        assertEquals(template, plan.getJsonObject("template").getString("id"));
        assertEquals("EUR", plan.getString("currency"));
        assertEquals("DRAFT", plan.getString("status"));
        assertEquals(THIS_YEAR + 3, plan.getJsonObject("period").getInt("fiscalYear"));
        assertEquals(2, plan.getJsonObject("period").getInt("quarter"));
    }

    @Test
    void atPhoneWidthThePageNeverScrollsSideways() throws IOException {
        String title = "Browser phone plan " + System.nanoTime();
        String planId = openDraftPlan(title);
        assertTrue(pageOverflowAt(375) <= 0, "plan view at 375 px overflows by " + pageOverflowAt(375));
        browser.findElement(By.cssSelector("button[data-edit='campaigns']")).click();
        browser.findElement(By.cssSelector("button[data-edit='revenue']")).click();
        assertFalse(browser.findElements(By.cssSelector("[data-field='sections.revenue.quarters[0].pipeline.amount']")).isEmpty(),
                "the quarterly split is editable");
        assertTrue(pageOverflowAt(375) <= 0, "editing at 375 px overflows by " + pageOverflowAt(375));
        WebElement table = browser.findElement(By.cssSelector("section[data-section='campaigns'] .jbp-scroll"));
        assertTrue(((Number) js("return arguments[0].scrollWidth - arguments[0].clientWidth", table)).intValue() > 0,
                "the campaign table scrolls inside its own container");
        assertTrue(pageOverflowAt(1024) <= 0, "editing at 1024 px overflows");
        browser.findElement(By.cssSelector("button[data-new-plan='open']")).click();
        waitFor("the dialog", d -> !d.findElements(By.cssSelector("[data-dialog='new-plan'] [data-field='title']")).isEmpty());
        assertTrue(pageOverflowAt(375) <= 0, "the dialog at 375 px overflows by " + pageOverflowAt(375));
        screenshots("phone-width");
        List<?> unlabelled = (List<?>) js("return [...document.querySelectorAll('input, select, textarea')]"
                + ".filter(e => e.type !== 'hidden' && e.labels.length === 0 && !e.getAttribute('aria-label'))"
                + ".map(e => e.outerHTML.slice(0, 120))");
        assertTrue(unlabelled.isEmpty(), "inputs without a label: " + unlabelled);
    }

    @Test
    void keyboardOnlyUserEditsASectionAndUsesTheDialog() throws IOException {
        String title = "Browser keyboard plan " + System.nanoTime();
        String planId = openDraftPlan(title);
        js("document.activeElement.blur(); window.scrollTo(0, 0)");

        tabTo("[data-edit='coSell']", 150);
        String outline = (String) js("return getComputedStyle(document.activeElement).outlineStyle");
        assertFalse("none".equals(outline), "the focused button shows its focus");
        press(Keys.ENTER);
        waitFor("the co-sell form", d -> !d.findElements(By.cssSelector("form[data-editing='coSell']")).isEmpty());
        assertEquals("sections.coSell.engagementsTarget", browser.switchTo().activeElement().getAttribute("data-field"),
                "focus moves into the form");
        browser.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, "a"), "44");
        tabTo("[data-save='coSell']", 40);
        js("document.getElementById('jbp-status').textContent = ''");
        press(Keys.ENTER);
        waitFor("the saved section", d -> !status().isEmpty());
        assertEquals("Co-sell goals saved", status());
        assertEquals(44, cam.get("/jbp/api/v1/plans/" + planId).json().getJsonObject("sections").getJsonObject("coSell")
                .getInt("engagementsTarget"));

        js("document.activeElement.blur(); window.scrollTo(0, 0)");
        tabTo("[data-new-plan='open']", 60);
        press(Keys.ENTER);
        waitFor("the dialog", d -> !d.findElements(By.cssSelector("[data-dialog='new-plan'] [data-field='title']")).isEmpty());
        for (int i = 0; i < 25; i++) {
            press(Keys.TAB);
            assertEquals(Boolean.TRUE, js("return !!document.activeElement.closest('[data-dialog=\"new-plan\"]')"),
                    "Tab keeps focus inside the dialog (press " + (i + 1) + ")");
        }
        press(Keys.ESCAPE);
        waitFor("the dialog to close", d -> d.findElements(By.cssSelector("[data-dialog='new-plan']")).isEmpty());
        assertEquals("open", browser.switchTo().activeElement().getAttribute("data-new-plan"), "focus returns to the opener");
    }

    // ---- every action the tab offers, per role and status ----

    /** A template like the browser tests' one with the partner's acceptance as the first step of every round. */
    private String acceptanceTemplate() {
        var body = Json.createObjectBuilder(Fixtures.combinedTemplate("Browser acceptance " + System.nanoTime()).build())
                .add("partnerAcceptance", true)
                .add("approvalChain", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "Channel director").add("role", "approver").add("slaHours", 48)))
                .build();
        Api.Reply reply = admin.post("/jbp/api/v1/templates", body);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("id");
    }

    private String planFrom(String templateId, String accountId, String title, int year) {
        JsonObject body = Json.createObjectBuilder(Fixtures.newPlan(accountId, templateId, Fixtures.sixSections(year), year))
                .add("title", title).build();
        Api.Reply reply = cam.post("/jbp/api/v1/plans", body);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("id");
    }

    /** Opens the tab as a user and the plan in it; from here on every response the page receives is checked. */
    private void openAs(String userId, String profileId, String recordId, String planId, String title) throws IOException {
        openTab(userId, profileId, recordId);
        openPlanInTab(planId, title);
        assertNoErrors("opening " + title);
    }

    /**
     * Responses of 400 and above from the module the page received since it loaded, or since
     * {@link #forgetRequests()} (the browser's own favicon request is not the tab's).
     */
    @SuppressWarnings("unchecked")
    private List<String> failedResponses() {
        return (List<String>) js("return performance.getEntriesByType('resource')"
                + ".filter(e => e.responseStatus >= 400 && new URL(e.name).pathname.startsWith('/jbp/'))"
                + ".map(e => e.responseStatus + ' ' + e.name)");
    }

    @SuppressWarnings("unchecked")
    private List<String> requestsTo(String pathPart) {
        return (List<String>) js("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".filter(n => n.includes(arguments[0]))", pathPart);
    }

    private void forgetRequests() {
        js("performance.setResourceTimingBufferSize(5000); performance.clearResourceTimings()");
    }

    private List<String> fieldErrors() {
        return browser.findElements(By.cssSelector(".slds-has-error")).stream()
                .map(e -> e.getAttribute("data-path") + ": " + e.getText()).toList();
    }

    private void assertNoErrors(String what) {
        assertEquals("", alert(), what + ": the error banner");
        assertEquals(List.of(), failedResponses(), what + ": error responses");
        assertEquals(List.of(), fieldErrors(), what + ": field errors");
    }

    private List<String> offeredActions() {
        return browser.findElements(By.cssSelector("#jbp-plan button[data-action]")).stream()
                .map(b -> b.getAttribute("data-action")).toList();
    }

    private void click(String action) {
        js("document.getElementById('jbp-status').textContent = ''");
        browser.findElement(By.cssSelector("button[data-action='" + action + "']")).click();
    }

    /** Waits for the announcement of the action's success, and fails on anything else the page shows. */
    private void expectDone(String announcement) {
        waitFor(announcement, d -> announcement.equals(status()) || status().contains("failed") || !alert().isEmpty()
                || !fieldErrors().isEmpty());
        assertEquals(announcement, status(), "alert: '" + alert() + "'; field errors: " + fieldErrors());
        assertNoErrors(announcement);
    }

    private void act(String action) {
        click(action);
        expectDone(action + " done");
    }

    private void openDialog(String action, String dialog) {
        click(action);
        waitFor("the " + dialog + " dialog", d -> !d.findElements(By.cssSelector("[data-dialog='" + dialog + "']")).isEmpty());
    }

    private void confirm(String dialog) {
        js("document.getElementById('jbp-status').textContent = ''");
        browser.findElement(By.cssSelector("button[data-confirm='" + dialog + "']")).click();
    }

    private void recordReview(String notes, String decision) {
        openDialog("Record review", "review");
        type(field("notes"), notes);
        browser.findElement(By.cssSelector("button[data-add='decisions']")).click();
        type(field("decisions[0]"), decision);
        confirm("review");
        expectDone("Record review done");
        assertTrue(browser.findElements(By.cssSelector("[data-dialog='review']")).isEmpty(), "the dialog closed");
    }

    private void comment(String text) {
        type(browser.findElement(By.id("jbp-comment")), text);
        js("document.getElementById('jbp-status').textContent = ''");
        browser.findElement(By.xpath("//form[.//textarea[@id='jbp-comment']]//button[@type='submit']")).click();
        expectDone("Comment added");
    }

    private void download(String kind, String announcement) {
        js("document.getElementById('jbp-status').textContent = ''");
        browser.findElement(By.cssSelector("button[data-download='" + kind + "']")).click();
        expectDone(announcement);
    }

    private String status(String planId) {
        return cam.get("/jbp/api/v1/plans/" + planId).json().getString("status");
    }

    private static JsonObject kpiDefinition(String key, String label, String unit) {
        return Json.createObjectBuilder().add("key", key).add("label", label).add("unit", unit)
                .add("direction", "HIGHER_IS_BETTER").add("alertThresholdPercent", 80).add("sourceKey", key).build();
    }

    /** The plans of the partner that were started as the next cycle of {@code planId}. */
    private List<String> nextCyclesOf(String planId, String accountId) {
        return cam.get("/jbp/api/v1/partners/" + accountId + "/plans").array().stream()
                .map(v -> v.asJsonObject().getString("id"))
                .filter(id -> planId.equals(cam.get("/jbp/api/v1/plans/" + id).json().getJsonObject("lifecycle")
                        .getString("previousPlanId", null)))
                .toList();
    }

    private String reviewNotes(String planId) {
        return cam.get("/jbp/api/v1/plans/" + planId + "/reviews").body();
    }

    @Test
    void everyRoleCompletesEveryActionTheTabOffersThroughAPlansLifecycle() throws IOException {
        String title = "Browser lifecycle plan " + System.nanoTime();
        String planId = planFrom(acceptanceTemplate(), org.acme, title, THIS_YEAR);

        // DRAFT: the channel manager comments and submits; the partner user and the approver only comment
        openAs(org.partnerUser, CanvasOrg.PARTNER_PROFILE, null, planId, title);
        assertEquals(List.of(), offeredActions(), "a partner user edits a draft but does not submit it");
        comment("Pat: our numbers are in");
        openAs(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme, planId, title);
        assertEquals(List.of("Submit"), offeredActions());
        comment("Casey: ready to submit");
        act("Submit");
        assertEquals("IN_APPROVAL", status(planId));

        // IN_APPROVAL, the partner's acceptance first
        openAs(org.partnerUser, CanvasOrg.PARTNER_PROFILE, null, planId, title);
        assertEquals(List.of("Accept", "Request revision", "Reject"), offeredActions());
        act("Accept");
        openAs(org.approver, CanvasOrg.APPROVER_PROFILE, org.acme, planId, title);
        assertEquals(List.of("Approve", "Request revision", "Reject"), offeredActions());
        type(field("reason"), "Targets agreed in the QBR");
        act("Approve");
        assertEquals("ACTIVE", status(planId));
        assertTrue(cam.get("/jbp/api/v1/plans/" + planId + "/approvals").body().contains("Targets agreed in the QBR"),
                "the optional reason of an approval is kept");

        // ACTIVE: the partner user records a review
        openAs(org.partnerUser, CanvasOrg.PARTNER_PROFILE, null, planId, title);
        assertEquals(List.of("Record review"), offeredActions());
        recordReview("Partner review: webinar pipeline slower than planned", "Add a second webinar");
        assertTrue(reviewNotes(planId).contains("Partner review: webinar pipeline slower than planned"), reviewNotes(planId));
        assertTrue(reviewNotes(planId).contains("Add a second webinar"), reviewNotes(planId));

        // ACTIVE: the channel manager records an actual and a review, downloads the reports, proposes an amendment
        openAs(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme, planId, title);
        assertEquals(List.of("Record actuals", "Record review", "Close"), offeredActions());
        openDialog("Record actuals", "actuals");
        new Select(field("values[0].metric")).selectByValue("revenue_won");
        type(field("values[0].value"), "250000");
        confirm("actuals");
        expectDone("Record actuals done");
        assertEquals(0, cam.get("/jbp/api/v1/plans/" + planId + "/actuals").json().getJsonNumber("revenue_won")
                .bigDecimalValue().compareTo(new java.math.BigDecimal("250000")));
        openDialog("Record review", "review");
        forgetRequests(); // opening read the workspace; what matters is that nothing is posted
        confirm("review");
        waitFor("the notes marked", d -> !fieldErrors().isEmpty());
        assertEquals("notes", browser.findElement(By.cssSelector("[data-dialog='review'] .slds-has-error")).getAttribute("data-path"));
        assertEquals(List.of(), requestsTo("/reviews"), "empty notes are refused in the tab, without a request");
        type(field("notes"), "Monthly review: revenue at a quarter of the target");
        confirm("review");
        expectDone("Record review done");
        assertTrue(reviewNotes(planId).contains("Monthly review: revenue at a quarter of the target"), reviewNotes(planId));
        download("pdf", "Report (PDF) downloaded");
        download("csv", "Report (CSV) downloaded");
        browser.findElement(By.cssSelector("button[data-edit='coSell']")).click();
        type(field("sections.coSell.engagementsTarget"), "15");
        type(field("reason-coSell"), "Three more joint engagements agreed in the review");
        js("document.getElementById('jbp-status').textContent = ''");
        browser.findElement(By.cssSelector("button[data-save='coSell']")).click();
        expectDone("Co-sell goals: amendment proposed for approval");

        // the amendment: the partner accepts it, the approver approves it
        openAs(org.partnerUser, CanvasOrg.PARTNER_PROFILE, null, planId, title);
        assertEquals(List.of("Accept", "Request revision", "Reject", "Record review"), offeredActions());
        act("Accept");
        openAs(org.approver, CanvasOrg.APPROVER_PROFILE, org.acme, planId, title);
        assertEquals(List.of("Approve", "Request revision", "Reject"), offeredActions());
        act("Approve");
        assertEquals(15, cam.get("/jbp/api/v1/plans/" + planId).json().getJsonObject("sections").getJsonObject("coSell")
                .getInt("engagementsTarget"), "the approved amendment applies");
        comment("Avery: amendment approved");

        // the channel manager closes the plan with what the vendor delivered, then starts the next cycle
        openAs(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme, planId, title);
        openDialog("Close", "close");
        type(field("vendorDelivered.mdfPaid.amount"), "12000");
        type(field("vendorDelivered.coSellSupportHours"), "180");
        confirm("close");
        expectDone("Close done");
        assertEquals("CLOSED", status(planId));
        assertEquals(List.of("Next cycle"), offeredActions());
        download("csv", "Report (CSV) downloaded");
        openDialog("Next cycle", "next-cycle");
        type(field("growthPercent"), "5");
        confirm("next-cycle");
        expectDone("Next cycle done");
        List<String> next = nextCyclesOf(planId, org.acme);
        assertEquals(1, next.size(), "one next-cycle plan: " + next);
        assertEquals("DRAFT", browser.findElement(By.cssSelector("[data-plan-status]")).getAttribute("data-plan-status"),
                "the tab shows the new draft");
        screenshots("lifecycle-next-cycle");
    }

    @Test
    void anAdminCompletesEveryManagerActionOnAPlanOfAnyPartner() throws IOException {
        String title = "Browser admin plan " + System.nanoTime();
        String planId = planFrom(template, org.globex, title, THIS_YEAR);

        openAs(org.adminUser, CanvasOrg.ADMIN_PROFILE, org.globex, planId, title);
        assertEquals(List.of("Submit"), offeredActions());
        act("Submit");
        openAs(org.approver, CanvasOrg.APPROVER_PROFILE, org.globex, planId, title);
        act("Approve");
        assertEquals("ACTIVE", status(planId));

        openAs(org.adminUser, CanvasOrg.ADMIN_PROFILE, org.globex, planId, title);
        assertEquals(List.of("Record actuals", "Record review", "Close"), offeredActions());
        openDialog("Record actuals", "actuals");
        new Select(field("values[0].metric")).selectByValue("deals_registered");
        new Select(field("values[0].quarter")).selectByValue("1");
        type(field("values[0].value"), "7");
        confirm("actuals");
        expectDone("Record actuals done");
        recordReview("Admin review before closing", "Close early: the partner moves tier");
        openDialog("Close", "close");
        confirm("close");
        expectDone("Close done");
        openDialog("Next cycle", "next-cycle");
        confirm("next-cycle");
        expectDone("Next cycle done");
        assertEquals("CLOSED", status(planId));
    }

    @Test
    void anEmptyReasonIsRefusedInTheTabWithoutARequestAndAGivenOneIsSent() throws IOException {
        String title = "Browser reason plan " + System.nanoTime();
        String planId = submittedPlan(org.acme, title);

        openAs(org.approver, CanvasOrg.APPROVER_PROFILE, org.acme, planId, title);
        forgetRequests();
        for (String[] action : new String[][] {{"Reject", "/reject"}, {"Request revision", "/request-revision"}}) {
            type(field("reason"), "   ");
            click(action[0]);
            waitFor("the reason marked", d -> !fieldErrors().isEmpty());
            WebElement wrapper = browser.findElement(By.cssSelector(".slds-has-error"));
            assertEquals("reason", wrapper.getAttribute("data-path"), action[0]);
            assertTrue(wrapper.getText().contains("Give a reason to " + action[0].toLowerCase()), wrapper.getText());
            assertEquals("true", field("reason").getAttribute("aria-invalid"), action[0]);
            js("return new Promise(r => setTimeout(r, 500))");
            assertEquals(List.of(), requestsTo(action[1]), action[0] + ": no request without a reason");
            assertEquals("", alert());
        }
        assertEquals("IN_APPROVAL", status(planId), "nothing was decided");
        screenshots("decision-reason-required");

        type(field("reason"), "The quarterly split of the revenue target is missing");
        act("Request revision");
        assertEquals("DRAFT", status(planId));
        String steps = cam.get("/jbp/api/v1/plans/" + planId + "/approvals").body();
        assertTrue(steps.contains("The quarterly split of the revenue target is missing"), steps);
        assertTrue(steps.contains("REVISION_REQUESTED"), steps);
    }

    @Test
    void aFieldErrorTheServerGivesForAnActionIsShownNextToItsField() throws IOException {
        String title = "Browser refused actions plan " + System.nanoTime();
        String planId = plan(org.acme, title, THIS_YEAR).getString("id");
        approve(planId);
        Api.Reply closed = cam.post("/jbp/api/v1/plans/" + planId + "/close", "");
        assertEquals(200, closed.status(), closed.body());

        openAs(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme, planId, title);
        openDialog("Next cycle", "next-cycle");
        type(field("growthPercent"), "5000");
        confirm("next-cycle");
        waitFor("the growth marked", d -> !fieldErrors().isEmpty() || !alert().isEmpty());
        assertEquals("", alert(), "a field error is not a banner");
        WebElement wrapper = browser.findElement(By.cssSelector("[data-dialog='next-cycle'] .slds-has-error"));
        assertEquals("growthPercent", wrapper.getAttribute("data-path"));
        assertTrue(wrapper.getText().matches("(?s).*\\S.*"), "the server's message is shown");
        assertEquals("5000", field("growthPercent").getAttribute("value"), "the input is kept");
        assertEquals(List.of(), nextCyclesOf(planId, org.acme), "no next plan was made");
        screenshots("next-cycle-field-error");

        // a draft missing required sections: the submission's refusal names them at their cards
        String bare = "Browser bare plan " + System.nanoTime();
        JsonObject body = Json.createObjectBuilder().add("partnerAccountId", org.acme).add("templateId", template)
                .add("title", bare).add("currency", "USD")
                .add("period", Json.createObjectBuilder().add("fiscalYear", THIS_YEAR + 4)).build();
        Api.Reply created = cam.post("/jbp/api/v1/plans", body);
        assertEquals(201, created.status(), created.body());
        openAs(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, org.acme, created.json().getString("id"), bare);
        click("Submit");
        waitFor("the incomplete sections", d -> !d.findElements(By.cssSelector(".jbp-section-error")).isEmpty()
                || !alert().isEmpty());
        assertEquals("", alert(), "incomplete sections are not a banner");
        assertFalse(browser.findElements(By.cssSelector("section[data-section='profile'].jbp-section-error .jbp-section-help")).isEmpty(),
                "the profile card says what is missing");
        assertTrue(browser.findElement(By.cssSelector(".jbp-actions .jbp-form-error")).getText().contains("Partner profile and SWOT"),
                browser.findElement(By.cssSelector(".jbp-actions")).getText());
        assertEquals("DRAFT", status(created.json().getString("id")));
    }

    @Test
    void aPlanShowsOneAlertPerMetricAndNoAlertTextReadsNull() throws IOException {
        // joint_webinars is a KPI no CRM mapping reads: it never has an actual
        var templateBody = Json.createObjectBuilder(Fixtures.combinedTemplate("Browser alerts " + System.nanoTime()).build())
                .add("partnerAcceptance", false)
                .add("approvalChain", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "Channel director").add("role", "approver").add("slaHours", 48)))
                .add("kpis", Json.createArrayBuilder()
                        .add(kpiDefinition("revenue_won", "Closed revenue", "CURRENCY"))
                        .add(kpiDefinition("deals_registered", "Registered deals", "COUNT"))
                        .add(kpiDefinition("joint_webinars", "Joint webinars", "COUNT")))
                .build();
        Api.Reply created = admin.post("/jbp/api/v1/templates", templateBody);
        assertEquals(201, created.status(), created.body());
        JsonObject sections = Json.createObjectBuilder(Fixtures.sixSections(THIS_YEAR)).add("kpis", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("kpiKey", "revenue_won").add("target", 1_000_000))
                .add(Json.createObjectBuilder().add("kpiKey", "deals_registered").add("target", 40))
                .add(Json.createObjectBuilder().add("kpiKey", "joint_webinars").add("target", 12))).build();
        // a partner of its own: the CRM the module syncs with is shared by all test classes and holds deals
        // for accounts other tests made, whose ids may equal those of the canvas org's accounts
        String partner = Fixtures.newAccountId();
        partner(partner, "Initrode Alerts");
        String title = "Browser alerts plan " + System.nanoTime();
        Api.Reply reply = cam.post("/jbp/api/v1/plans", Json.createObjectBuilder(Fixtures.newPlan(partner,
                created.json().getString("id"), sections, THIS_YEAR)).add("title", title).build());
        assertEquals(201, reply.status(), reply.body());
        String planId = reply.json().getString("id");
        approve(planId);
        // the partner has no deals in the CRM: the KPI revenue_won and the closed-revenue target are both far behind
        SyncFixtures.completed(admin, SyncFixtures.start(admin, "full"));

        List<JsonObject> open = admin.get("/jbp/api/v1/plans/" + planId + "/alerts").array().stream()
                .map(v -> v.asJsonObject()).filter(a -> a.getString("status").equals("OPEN")).toList();
        List<String> metrics = open.stream().map(a -> a.getString("metric")).toList();
        assertTrue(metrics.contains("revenue_won"), open.toString());
        assertEquals(metrics.stream().distinct().toList(), metrics, "one open alert per metric: " + open);
        assertTrue(open.stream().noneMatch(a -> a.getString("message").contains("null")), open.toString());

        // the canvas org has no such account to open the tab on: the channel manager goes through the portfolio
        openTab(org.channelManager, CanvasOrg.CHANNEL_MANAGER_PROFILE, null);
        waitForStatus("Portfolio loaded");
        browser.findElement(By.xpath("//button[normalize-space()='Initrode Alerts']")).click();
        openPlanInTab(planId, title);
        assertNoErrors("opening " + title);
        List<String> shown = browser.findElements(By.cssSelector("li[data-alert]")).stream().map(WebElement::getText).toList();
        assertEquals(open.size(), shown.size(), shown.toString());
        assertEquals(shown.stream().distinct().toList(), shown, "no alert text twice on the dashboard");
        assertTrue(shown.stream().noneMatch(t -> t.contains("null")), shown.toString());
        assertTrue(shown.stream().anyMatch(t -> t.startsWith("Joint webinars") && t.contains("no actual yet")), shown.toString());
        screenshots("alerts-one-per-metric");
    }
}
