package news.broadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Tests in a real browser: Debian's chromium driven by chromium-driver, headless. Where the
 * browser is missing the tests are skipped on a developer machine and fail under CI
 * ({@code CI=true}), which installs both.
 */
public abstract class BrowserTest extends IntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    protected static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static String axeSource;
    protected static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must provide /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(present, "chromium and chromium-driver are not installed");
        browser = newBrowser();
        Files.createDirectories(SCREENSHOTS);
    }

    /** A browser of its own: a fresh profile, so no cookies or storage shared with any other. The caller quits it. */
    protected static ChromeDriver newBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1600",
                // Positions are read right after a move; smooth scrolling would make every such read a race.
                "--force-prefers-reduced-motion",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        // The browser's console log is where Chromium reports what a Content-Security-Policy refused.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20)).scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    protected void open(String path) {
        browser.get(uri(path).toString());
    }

    /** Creates an editor account and signs the browser in through the newsroom's login form. */
    protected void signInAsEditor(String displayName) {
        signInAs("EDITOR", displayName);
    }

    /** Creates an account with the role (OWNER, ADMIN, EDITOR, AUTHOR, CONTRIBUTOR) and signs the browser in. */
    protected void signInAs(String role, String displayName) {
        signIn(staffAccount(role, displayName));
    }

    /** Signs the browser in to an existing account with {@link #STAFF_PASSWORD}. */
    protected void signIn(String email) {
        open("/newsroom/login");
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys(STAFF_PASSWORD);
        browser.findElement(By.name("password")).submit();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/newsroom"));
    }

    /**
     * What the page's Content-Security-Policy refused since the last call (reading the log empties
     * it), as Chromium logged it: "Refused to execute inline event handler because it violates…".
     */
    public static List<String> contentSecurityPolicyViolations(WebDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    /** The site scrolls smoothly; scroll at once first, or the click lands where the element is still on its way to. */
    protected static void click(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
    }

    /** A small picture file (a lighthouse on a grey-blue ground) to upload, in an ImageIO format ("png", "jpeg"). */
    protected static Path picture(int width, int height, String format) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(0x5b7083));
        g.fillRect(0, 0, width, height);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(width * 15 / 32, height * 2 / 9, width / 16, height * 11 / 18);
        g.dispose();
        try {
            Path file = Files.createTempFile("picture-", "." + format);
            file.toFile().deleteOnExit();
            javax.imageio.ImageIO.write(image, format, file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs axe-core in the current page; returns the violations with impact serious or critical. */
    @SuppressWarnings("unchecked")
    protected List<Map<String, Object>> seriousAccessibilityViolations() {
        browser.executeScript(axe());
        Object result = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                   .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                       .map(v => ({id: v.id, impact: v.impact, help: v.help,
                                   nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))
                   .catch(e => done([{id: 'axe-error', help: String(e)}]));""");
        return (List<Map<String, Object>>) result;
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            try (InputStream in = BrowserTest.class.getResourceAsStream("/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }
}
