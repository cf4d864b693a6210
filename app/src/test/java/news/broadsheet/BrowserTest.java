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
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

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

    @Autowired
    private JdbcClient staffTable;
    @Autowired
    private PasswordEncoder passwordEncoder;

    @BeforeAll
    static void startBrowser() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must provide /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(present, "chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1600", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20)).scriptTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
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
        String email = "editor-" + UUID.randomUUID() + "@newsroom.example";
        String password = "a long enough password";
        staffTable.sql("INSERT INTO staff (email, display_name, role, password_hash, created_at) VALUES (:e, :n, 'EDITOR', :p, 0)")
                .param("e", email).param("n", displayName).param("p", passwordEncoder.encode(password)).update();
        open("/newsroom/login");
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.name("password")).submit();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/newsroom"));
    }

    /** The site scrolls smoothly; scroll at once first, or the click lands where the element is still on its way to. */
    protected static void click(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        element.click();
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
