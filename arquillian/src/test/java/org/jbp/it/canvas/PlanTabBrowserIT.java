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
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jbp.it.Api;
import org.jbp.it.Fixtures;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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
        for (int width : new int[] {1024, 390}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            Object height = ((JavascriptExecutor) browser).executeScript(
                    "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
            int h = Math.min(6000, Math.max(900, ((Number) height).intValue() + 100));
            browser.manage().window().setSize(new Dimension(width, h));
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
            assertTrue(((Number) overflow).intValue() <= 0, name + ": the page scrolls sideways at " + width + " px by "
                    + overflow + " px");
        }
        browser.manage().window().setSize(new Dimension(1024, 900));
    }

    private void openPlanInTab(String planId, String title) {
        waitForStatus("Plans loaded");
        browser.findElement(By.cssSelector("button[data-plan='" + planId + "']")).click();
        waitForStatus("Plan " + title + " loaded");
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
        WebElement area = browser.findElement(By.id("jbp-edit-coSell"));
        area.clear();
        area.sendKeys("{\"engagementsTarget\": 31, \"targetAccounts\": [\"Initech\"], "
                + "\"vendorResources\": {\"seHours\": 250, \"executiveSponsor\": \"VP EMEA\"}}");
        screenshots("channel-manager-editing");
        browser.findElement(By.cssSelector("button[data-save='coSell']")).click();
        waitFor("the saved section", d -> status().endsWith(" saved") || !alert().isEmpty());
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
        String planId = plan(org.acme, title, THIS_YEAR).getString("id");
        Api.Reply submitted = cam.post("/jbp/api/v1/plans/" + planId + "/submit", "");
        assertEquals(200, submitted.status(), submitted.body());

        openTab(org.approver, CanvasOrg.APPROVER_PROFILE, org.acme);
        openPlanInTab(planId, title);
        WebElement approve = browser.findElement(By.cssSelector("button[data-action='Approve']"));
        screenshots("approver-before-approval");
        approve.click();
        waitFor("the approval", d -> "Approve done".equals(status()) || !alert().isEmpty());
        assertEquals("", alert(), "approving");
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
        for (WebElement b : browser.findElements(By.cssSelector("button[data-plan]"))) {
            assertTrue(b.getText().startsWith("Browser Acme plan") || !b.getText().startsWith("Browser "), b.getText());
        }
    }
}
