package news.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import news.broadsheet.BrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** What a reader sees and can do in a real browser, with and without a mouse. */
class PublicPagesInBrowserTest extends BrowserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "home, /",
            "section, /world",
            "article, /world/ceasefire-talks-resume-in-geneva-as-aid-corridor-opens",
            "article-rtl, /culture/amman-calligraphy-exhibition-gathers-artists-from-twelve-countries",
            "tag, /tag/diplomacy",
            "author, /author/helene-marchetti",
            "not-found, /no-such-page",
            "newsroom-login, /newsroom/login"})
    void pagesHaveNoSeriousOrCriticalAccessibilityViolations(String name, String path) {
        open(path);
        screenshot(name);
        assertThat(seriousAccessibilityViolations()).as(path).isEmpty();
    }

    @Test
    void theAccessibilityCheckCatchesARealViolation() {
        browser.get("data:text/html,<html><body><img src='x.png'><input type='text'></body></html>");
        assertThat(seriousAccessibilityViolations()).extracting(v -> v.get("id")).contains("image-alt");
    }

    @Test
    void theArticleShowsEveryReferenceElement() {
        open(ArticlePageTest.SHOWCASE);
        assertThat(browser.findElement(By.cssSelector(".section-label a")).getText()).isEqualToIgnoringCase("World");
        assertThat(browser.findElement(By.tagName("h1")).isDisplayed()).isTrue();
        WebElement caption = browser.findElement(By.cssSelector(".lead-figure figcaption"));
        WebElement credit = caption.findElement(By.className("credit"));
        WebElement text = caption.findElement(By.className("caption"));
        assertThat(credit.getLocation().getY()).as("credit sits below the caption, not glued to it")
                .isGreaterThan(text.getLocation().getY());
        assertThat(browser.findElement(By.cssSelector("aside.embed a")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("aside.follow")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector(".attribution")).getText()).contains("The Meridian Post");
        assertThat(browser.findElements(By.cssSelector(".related .card"))).isNotEmpty();
    }

    @Test
    void backToTopWorksFromTheKeyboard() {
        open(ArticlePageTest.SHOWCASE);
        WebElement back = browser.findElement(By.cssSelector("a.back-to-top"));
        browser.executeScript("arguments[0].scrollIntoView(); arguments[0].focus()", back);
        assertThat(scrollY()).isPositive();
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(browser.getCurrentUrl()).as("the link was followed").endsWith("#top");
        // Smooth scrolling can take a while on a loaded machine; the position is what a reader cares about.
        await().atMost(Duration.ofSeconds(10)).until(() -> scrollY() == 0);
    }

    private long scrollY() {
        return ((Number) browser.executeScript("return Math.round(window.scrollY)")).longValue();
    }

    @Test
    void skipLinkIsTheFirstStopAndLeadsToTheContent() {
        open("/");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Skip to content");
        focused.sendKeys(Keys.ENTER);
        assertThat(browser.getCurrentUrl()).endsWith("#main");
    }
}
