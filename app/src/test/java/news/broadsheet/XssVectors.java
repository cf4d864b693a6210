package news.broadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.JavascriptExecutor;

/** The OWASP filter-evasion corpus in src/test/resources/xss, and the browser-side check that none of it ran. */
public final class XssVectors {

    private XssVectors() {
    }

    public static List<String> all() {
        try (InputStream in = XssVectors.class.getResourceAsStream("/xss/owasp-filter-evasion.txt")) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fields with a length limit get the vector cut to that limit, as a form would. */
    public static String upTo(int length, String text) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    /**
     * Fails if the page opened a dialog or set the flag the vectors aim for, or if only the
     * Content-Security-Policy stopped a script: the sanitizer is meant to stop it first, and a
     * refused script would otherwise pass unseen.
     */
    public static void assertNoScriptRan(WebDriver browser, String page) {
        try {
            String text = browser.switchTo().alert().getText();
            throw new AssertionError("A dialog opened on " + page + ": " + text);
        } catch (NoAlertPresentException expected) {
            // no dialog: good
        }
        Object flag = ((JavascriptExecutor) browser).executeScript("return typeof window.__pwned");
        if (!"undefined".equals(flag)) {
            throw new AssertionError("An injected script set window.__pwned on " + page);
        }
        List<String> refusedScripts = BrowserTest.contentSecurityPolicyViolations(browser).stream()
                .filter(message -> message.contains("script-src")).toList();
        if (!refusedScripts.isEmpty()) {
            throw new AssertionError("Only the Content-Security-Policy stopped a script on " + page + ": " + refusedScripts);
        }
    }
}
