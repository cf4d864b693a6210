package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import news.broadsheet.BrowserTest;
import news.broadsheet.content.SettingsRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An editor's day in a real browser: sign in, upload a photo with alt text, caption and credit,
 * write a story around it, schedule it a few seconds ahead, and find it published on the front
 * page with the photo's caption and credit under it.
 */
class EditorJourneyInBrowserTest extends BrowserTest {

    @Autowired
    SettingsRepository settings;

    @AfterEach
    void signOut() {
        browser.manage().deleteAllCookies();
    }

    @Test
    void anEditorWritesIllustratesSchedulesAndSeesTheStoryPublished() {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        String headline = "Lighthouse keepers return to Skerry Point " + unique;
        String alt = "A white lighthouse on a rocky point under a grey sky " + unique;
        String caption = "Skerry Point light, staffed again from Monday";
        String credit = "Photo: Ana Ferreira";

        signInAsEditor("Journey Editor");
        screenshot("editor-0-desk");

        open("/newsroom/media");
        browser.findElement(By.name("file")).sendKeys(picture(320, 180, "png").toAbsolutePath().toString());
        browser.findElement(By.name("alt")).sendKeys(alt);
        browser.findElement(By.name("caption")).sendKeys(caption);
        browser.findElement(By.name("credit")).sendKeys(credit);
        click(browser.findElement(By.xpath("//button[normalize-space()='Upload']")));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/newsroom/media?uploaded"));
        WebElement row = browser.findElements(By.cssSelector("tbody tr")).stream().filter(r -> r.getText().contains(alt)).findFirst().orElseThrow();
        assertThat(row.getText()).contains(caption).contains(credit).contains("320×180");
        String figureId = row.findElement(By.tagName("code")).getText().replaceAll("\\D", "");
        screenshot("editor-1-media-library");

        open("/newsroom/articles/new");
        assertThat(seriousAccessibilityViolations()).as("new article editor").isEmpty();
        browser.findElement(By.name("headline")).sendKeys(headline);
        browser.findElement(By.name("standfirst")).sendKeys("After eleven years of automation, the light at Skerry Point has keepers again.");
        new Select(browser.findElement(By.name("sectionId"))).selectByVisibleText("World");
        new Select(browser.findElement(By.name("authorIds"))).selectByIndex(0);
        browser.findElement(By.cssSelector(".rich-editor-body")).sendKeys("The harbour trust has hired two keepers for the light at Skerry Point.\n\n"
                + "They will log the weather every three hours and keep the fog signal in working order.");
        new Select(browser.findElement(By.name("leadFigureId"))).selectByValue(figureId);
        screenshot("editor-2-writing");
        click(browser.findElement(By.xpath("//form[@id='editor']//button[normalize-space()='Save']")));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().matches(".*/newsroom/articles/\\d+\\?saved"));
        String editorUrl = browser.getCurrentUrl().replace("?saved", "");
        assertThat(seriousAccessibilityViolations()).as("editor with a saved draft").isEmpty();

        // Schedulers pick minutes; to wait seconds rather than a minute, this one gets a second-precise field.
        LocalDateTime inAFewSeconds = LocalDateTime.now(settings.site().timeZone()).plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        WebElement when = browser.findElement(By.name("scheduledAt"));
        browser.executeScript("arguments[0].step = 1; arguments[0].value = arguments[1]", when, inAFewSeconds.toString());
        click(browser.findElement(By.xpath("//button[normalize-space()='Schedule']")));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("?moved"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("(scheduled)");
        screenshot("editor-3-scheduled");

        new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofSeconds(1)).until(d -> {
            d.get(editorUrl);
            return d.findElement(By.tagName("h1")).getText().contains("(published)");
        });
        String href = browser.findElement(By.linkText("View it on the site")).getDomAttribute("href");

        open("/");
        WebElement onHome = browser.findElements(By.cssSelector("main .card-title a")).stream()
                .filter(a -> href.equals(a.getDomAttribute("href"))).findFirst()
                .orElseThrow(() -> new AssertionError("the story is not on the front page"));
        assertThat(onHome.getText()).isEqualTo(headline);
        screenshot("editor-4-home");

        click(onHome);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith(href));
        WebElement figure = browser.findElement(By.cssSelector("figure.lead-figure"));
        assertThat(figure.findElement(By.tagName("img")).getDomAttribute("alt")).isEqualTo(alt);
        assertThat(figure.findElement(By.cssSelector("figcaption .caption")).getText()).isEqualTo(caption);
        // The credit is set in capitals by CSS; the text is as the editor typed it.
        assertThat(figure.findElement(By.cssSelector("figcaption .credit")).getDomProperty("textContent")).isEqualTo(credit);
        assertThat(browser.findElement(By.cssSelector(".story-body")).getText()).contains("fog signal");
        screenshot("editor-5-published-article");
    }
}
