package dev.custos.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal page in Debian's headless Chromium, driven through Debian's chromedriver (nothing is downloaded). It
 * saves a screenshot of each state under {@code target/portal-screenshots}, checks a page with the vendored axe-core,
 * and can emulate a phone's width. CI installs both packages (.ci/run) and fails without them, so the browser tests
 * can never pass there by being skipped; a developer's machine without them skips the test.
 */
public final class PortalBrowser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String AXE = axeSource();

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private PortalBrowser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** A desktop-sized window. */
    public static PortalBrowser desktop() throws IOException {
        return start(1280, 900, false);
    }

    /** A 360 px wide phone (device metrics emulated, so the page's viewport is exactly 360 CSS pixels). */
    public static PortalBrowser phone() throws IOException {
        return start(360, 780, true);
    }

    private static PortalBrowser start(int width, int height, boolean mobile) throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") != null && !installed) {
            throw new IllegalStateException("CI must install Debian's chromium and chromium-driver (.ci/run)");
        }
        Assumptions.assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createTempDirectory("custos-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
        return new PortalBrowser(driver);
    }

    public void open(String url) {
        driver.get(url);
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until the element is shown, and answers it. */
    public WebElement shown(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public void waitForText(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** Waits until a script run in the page answers true. */
    public void waitUntil(String condition) {
        wait.until(driver -> Boolean.TRUE.equals(this.driver.executeScript(condition)));
    }

    /** Runs a script in every page this browser opens from now on, before the page's own scripts. */
    public void beforeEachPage(String source) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source));
    }

    public void click(String css) {
        shown(css).click();
    }

    /** Types into whatever has the focus, as a keyboard would. */
    public void press(CharSequence... keys) {
        driver.switchTo().activeElement().sendKeys(keys);
    }

    public Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    public Object asyncScript(String script, Object... arguments) {
        return driver.executeAsyncScript(script, arguments);
    }

    /** Chrome DevTools: used to cut the page's network, as a dropped connection would. */
    public void devtools(String command, Map<String, Object> parameters) {
        driver.executeCdpCommand(command, parameters);
    }

    /** The element that has the keyboard focus, by id. */
    public String focusedId() {
        return (String) script("return document.activeElement && document.activeElement.id;");
    }

    public String activeStateText() {
        return find("main").getText();
    }

    /** Saves a screenshot of what the reader sees now, as {@code target/portal-screenshots/<name>.png}. */
    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /**
     * Runs axe-core on the page as it stands against WCAG 2.0, 2.1 and 2.2 A and AA and axe's best practices, and
     * answers each violation as its rule, help text and elements.
     */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityViolations() {
        driver.executeScript(AXE);
        return (List<String>) driver.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                    'wcag22aa', 'best-practice'] } })
                  .then(function (result) {
                    done(result.violations.map(function (v) {
                      return v.id + ': ' + v.help + ' at ' + v.nodes.map(function (n) {
                        return n.target.join(' '); }).join(', ');
                    }));
                  }, function (error) { done(['axe failed: ' + error]); });
                """);
    }

    /** Fails with every axe-core violation unless there are none. */
    public void assertAccessible() {
        assertThat(accessibilityViolations()).as("axe-core violations").isEmpty();
    }

    /** Nothing on the page is wider than the viewport: no sideways scrolling on a phone. */
    public void assertNoSidewaysScrolling() {
        Number viewport = (Number) script("return document.documentElement.clientWidth;");
        Number content = (Number) script("return document.documentElement.scrollWidth;");
        assertThat(content.intValue())
                .as("page width at a %s px viewport", viewport)
                .isLessThanOrEqualTo(viewport.intValue());
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String axeSource() {
        try (InputStream in = PortalBrowser.class.getResourceAsStream("/axe-core/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
