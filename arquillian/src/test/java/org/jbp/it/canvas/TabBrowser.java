package org.jbp.it.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium on the plan tab for one test class: entering the tab as Salesforce does (a page POSTing the
 * signed request), waiting on what the tab announces, and screenshots at desktop and phone width, each view
 * scanned with axe-core when the a11y profile supplies it ({@code jbp.test.axe}). Uses the system browser and
 * driver (Debian packages chromium and chromium-driver); a test is skipped without them.
 */
final class TabBrowser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("jbp.test.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("jbp.test.chromedriver", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static final Path FORMS = Paths.get("target", "canvas-forms");
    /** The widths every screenshot is taken at: a small laptop and a small phone. */
    static final int[] WIDTHS = {1024, 375};

    final WebDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    static void requireBrowser() {
        Assumptions.assumeTrue(Files.isExecutable(Paths.get(CHROMIUM)),
                "Skipped: no Chromium at " + CHROMIUM + " (install the Debian package chromium)");
        Assumptions.assumeTrue(Files.isExecutable(Paths.get(CHROMEDRIVER)),
                "Skipped: no chromedriver at " + CHROMEDRIVER + " (install the Debian package chromium-driver)");
    }

    TabBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Files.createDirectories(FORMS);
        profile = Files.createTempDirectory(Files.createDirectories(Paths.get("target")).toAbsolutePath(), "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1024,900");
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort()
                .withLogFile(Paths.get("target", "chromedriver-tab.log").toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120)).scriptTimeout(Duration.ofSeconds(60));
    }

    /** Salesforce's part: a page that POSTs {@code signedRequest} to the deployment's canvas URL on load. */
    void openTab(URL deployed, String signedRequest) throws IOException {
        String html = "<!doctype html><html><body onload=\"document.forms[0].submit()\">"
                + "<form method=\"post\" action=\"http://127.0.0.1:" + deployed.getPort() + "/jbp/canvas\">"
                + "<input type=\"hidden\" name=\"signed_request\" value=\"" + signedRequest + "\"></form></body></html>";
        Path form = FORMS.resolve("canvas-" + System.nanoTime() + ".html").toAbsolutePath();
        Files.writeString(form, html, StandardCharsets.UTF_8);
        driver.manage().window().setSize(new Dimension(1024, 900));
        driver.get(form.toUri().toString());
        waitFor("the tab page", d -> d.getCurrentUrl().endsWith("/jbp/canvas") && !d.findElements(By.id("jbp-main")).isEmpty());
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void waitFor(String what, Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(60)).ignoring(NoSuchElementException.class)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition::apply);
        } catch (TimeoutException e) {
            throw new AssertionError("Waited for " + what + "; alert: '" + alert() + "'; status: '" + status()
                    + "'; url: " + driver.getCurrentUrl() + "\n" + e.getMessage(), e);
        }
    }

    /** Waits until the tab's live region announces {@code expected}. */
    void waitForStatus(String expected) {
        waitFor("status '" + expected + "'", d -> expected.equals(status().trim()));
    }

    String alert() {
        List<WebElement> a = driver.findElements(By.id("jbp-alert"));
        return a.isEmpty() ? "" : a.get(0).getText();
    }

    String status() {
        return String.valueOf(((JavascriptExecutor) driver).executeScript(
                "var e = document.getElementById('jbp-status'); return e ? e.textContent : null"));
    }

    /** The whole page at each width of {@link #WIDTHS}: never wider than the window, no serious a11y finding. */
    void screenshots(String name) throws IOException {
        screenshots(driver, name, WIDTHS, WIDTHS);
    }

    /**
     * The whole page of {@code driver} at each of {@code widths} into {@link #SCREENSHOTS}: the page never scrolls
     * sideways, and at each of {@code scannedAt} axe-core finds nothing serious.
     */
    static void screenshots(WebDriver driver, String name, int[] widths, int[] scannedAt) throws IOException {
        for (int width : widths) {
            driver.manage().window().setSize(new Dimension(width, 900));
            Object height = ((JavascriptExecutor) driver).executeScript(
                    "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
            driver.manage().window().setSize(new Dimension(width, Math.min(6000, Math.max(900, ((Number) height).intValue() + 100))));
            Object overflow = ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (java.util.Arrays.stream(scannedAt).anyMatch(w -> w == width)) {
                assertAccessible(driver, name + " at " + width + " px");
            }
            File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + "-" + width + ".png"), StandardCopyOption.REPLACE_EXISTING);
            assertTrue(((Number) overflow).intValue() <= 0, name + ": the page scrolls sideways at " + width + " px by "
                    + overflow + " px");
        }
        driver.manage().window().setSize(new Dimension(1024, 900));
    }

    /**
     * axe-core (from the npm registry, installed by the a11y profile) over the page as it stands: no serious or
     * critical violation. Without the profile ({@code jbp.test.axe} empty) the scan is skipped, said once.
     */
    static void assertAccessible(WebDriver driver, String view) throws IOException {
        String axe = System.getProperty("jbp.test.axe", "");
        if (axe.isBlank()) {
            if (!AXE_SKIP_SAID.getAndSet(true)) {
                System.out.println("accessibility scan skipped: run with -Djbp.check.a11y=true (npm installs axe-core)");
            }
            return;
        }
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(Files.readString(Path.of(axe), StandardCharsets.UTF_8));
        }
        Object found = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, { resultTypes: ['violations'] }).then(r => done(JSON.stringify(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => ({ rule: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')) })))), e => done('axe failed: ' + e));");
        assertEquals("[]", String.valueOf(found), view + ": serious or critical accessibility violations");
    }

    private static final java.util.concurrent.atomic.AtomicBoolean AXE_SKIP_SAID = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
