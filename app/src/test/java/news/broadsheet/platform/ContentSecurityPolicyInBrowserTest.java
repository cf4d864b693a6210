package news.broadsheet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import news.broadsheet.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** In Chromium, the policy refuses nothing the site itself does, refuses injected inline script, and the newsroom's script still works. */
class ContentSecurityPolicyInBrowserTest extends BrowserTest {

    private static final String ARTICLE = "/world/ceasefire-talks-resume-in-geneva-as-aid-corridor-opens";

    @BeforeEach
    void startWithAnEmptyLog() {
        contentSecurityPolicyViolations(browser);
    }

    @AfterEach
    void signOut() {
        browser.manage().deleteAllCookies();
    }

    @Test
    void publicPagesLoadEverythingTheyNeed() {
        for (String path : List.of("/", ARTICLE, "/search?q=geneva", "/world/no-such-story")) {
            openFully(path);
            assertThat(contentSecurityPolicyViolations(browser)).as(path).isEmpty();
        }
    }

    @Test
    void injectedInlineScriptIsRefusedAndTheRefusalIsSeen() {
        openFully(ARTICLE);
        browser.executeScript("document.body.insertAdjacentHTML('beforeend', '<img src=\"/no-such-image\" onerror=\"window.__pwned = 1\">')");
        List<String> refused = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            List<String> logged = contentSecurityPolicyViolations(browser);
            return logged.isEmpty() ? null : logged;
        });
        assertThat(String.join("\n", refused)).contains("inline event handler", "script-src 'self'");
        assertThat(browser.executeScript("return typeof window.__pwned")).isEqualTo("undefined");
    }

    @Test
    void theNewsroomEditorWorksAndItsAutosaveStillSaves() {
        signInAsEditor("Policy Editor");
        assertThat(contentSecurityPolicyViolations(browser)).as("sign-in page and desk").isEmpty();
        openFully("/newsroom/articles/new");
        browser.findElement(By.name("headline")).sendKeys("Lighthouse keepers return " + System.nanoTime());
        new Select(browser.findElement(By.name("sectionId"))).selectByVisibleText("World");
        new Select(browser.findElement(By.name("authorIds"))).selectByIndex(0);
        editable().sendKeys("The trust hired two keepers.");
        click(browser.findElement(By.xpath("//form[@id='editor']//button[normalize-space()='Save']")));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().matches(".*/newsroom/articles/\\d+\\?saved"));
        String editorUrl = browser.getCurrentUrl().replace("?saved", "");

        WebElement body = editable();
        click(body);
        body.sendKeys(Keys.END, " They will log the weather.");
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> d.findElement(By.id("autosave-status")).getText().startsWith("Draft saved at"));
        browser.get(editorUrl);
        assertThat(editable().getText()).isEqualTo("The trust hired two keepers. They will log the weather.");
        assertThat(contentSecurityPolicyViolations(browser)).as("editor").isEmpty();
    }

    /** The rich editor's editable body, once its script has mounted it. */
    private static WebElement editable() {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector(".rich-editor-body[contenteditable=true]")));
    }

    /** Opens the page and waits for every image, lazy ones too, so each has been requested and judged by the policy. */
    private void openFully(String path) {
        open(path);
        browser.executeScript("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')");
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> Boolean.TRUE.equals(browser.executeScript("return Array.from(document.images).every(i => i.complete)")));
    }
}
