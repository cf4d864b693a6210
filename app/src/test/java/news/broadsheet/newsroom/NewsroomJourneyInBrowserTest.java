package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import news.broadsheet.BrowserTest;
import news.broadsheet.FakeProviders;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.FigureRepository;
import news.broadsheet.content.SettingsRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14's whole journey on a phone-sized screen: an author writes a story with a pasted photo,
 * a pasted YouTube link (its title and thumbnail from the local stand-in for YouTube) and a pull
 * quote; previews it in a new tab; shares a preview link that a second, anonymous browser opens;
 * submits it for review. The editor gets the mail, signs in, leaves a note and schedules the story
 * a few seconds ahead; once it is out, readers see the photo with its credit and the video as a
 * card that loads nothing from YouTube until it is clicked.
 */
class NewsroomJourneyInBrowserTest extends BrowserTest {

    private static final String CAPTION = "Ice on the north quay at first light";
    private static final String CREDIT = "Photo: Tomasz W\u00f3jcik";

    @Autowired
    ArticleRepository articles;
    @Autowired
    ArticleService articleService;
    @Autowired
    FigureRepository figures;
    @Autowired
    SettingsRepository settings;

    private Long published;

    @AfterEach
    void takeDownAndSignOut() {
        // The story is dated now: left up, it would push demo stories other tests look for off the front page.
        if (published != null) {
            articles.findById(published).filter(a -> a.status() == ArticleStatus.PUBLISHED)
                    .ifPresent(a -> articleService.changeStatus(a.id(), a.version(), ArticleStatus.UNPUBLISHED, null, false, "Journey test"));
        }
        browser.manage().window().setSize(new Dimension(1280, 1600));
        browser.manage().deleteAllCookies();
    }

    @Test
    void anAuthorFilesAStoryAndAnEditorSchedulesItThroughToTheReaders() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 900));
        String unique = UUID.randomUUID().toString().substring(0, 6);
        String headline = "Harbour ice closes the north quay " + unique;
        String alt = "Fishing boats held fast in grey ice beside the quay " + unique;
        String video = "https://www.youtube.com/watch?v=" + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
        String videoTitle = "Ice breaker at Skerry harbour \u2013 \"first run\" " + unique;
        FakeProviders.file("/vi/" + unique + "/hqdefault.jpg", new FakeProviders.Answer(200, "image/jpeg", Files.readAllBytes(picture(480, 360, "jpeg"))));
        FakeProviders.oembed("youtube", video, FakeProviders.Answer.json("""
                {"title":"%s","author_name":"Harbour TV","type":"video","thumbnail_url":"%s"}"""
                .formatted(videoTitle.replace("\"", "\\\""), FakeProviders.url("/vi/" + unique + "/hqdefault.jpg"))));
        String editorEmail = staffAccount("EDITOR", "Night Editor " + unique);

        // The author writes.
        signInAs("AUTHOR", "Quay Reporter " + unique);
        screenshot("journey-desk-author-390");
        open("/newsroom/articles/new");
        WebElement body = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector(".rich-editor-body[contenteditable=true]")));
        browser.findElement(By.name("headline")).sendKeys(headline);
        new Select(browser.findElement(By.name("sectionId"))).selectByVisibleText("World");
        new Select(browser.findElement(By.name("authorIds"))).selectByIndex(0);
        click(body);
        body.sendKeys("Ice closed the north quay overnight for the first time since 1987." + Keys.ENTER);

        paste(body, "{type: 'image/jpeg', name: 'quay.jpg', base64: arguments[1]}",
                Base64.getEncoder().encodeToString(Files.readAllBytes(picture(640, 427, "jpeg"))));
        WebElement figure = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> d.findElement(By.cssSelector(".rich-editor-body figure.figure-block")));
        long figureId = Long.parseLong(figure.getDomAttribute("data-figure-id"));
        await().atMost(Duration.ofSeconds(10)).until(() -> figure.findElement(By.tagName("img")).getDomProperty("src").contains("/media/"));
        describe(figure, "Alt text", alt);
        describe(figure, "Caption", CAPTION);
        describe(figure, "Credit", CREDIT);
        await().atMost(Duration.ofSeconds(10)).until(() -> CREDIT.equals(figures.findById(figureId).orElseThrow().credit()));

        // After the figure the cursor sits on the empty line below it; the pasted address becomes an embed there.
        click(body);
        body.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        body.sendKeys(Keys.ENTER);
        paste(body, "{type: 'text/plain', text: arguments[1]}", video);
        WebElement embed = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector(".rich-editor-body .embed-block .embed-block-title")));
        assertThat(embed.getText()).isEqualTo(videoTitle);
        assertThat(browser.findElement(By.cssSelector(".rich-editor-body .embed-block img.embed-block-thumbnail")).getDomAttribute("src"))
                .startsWith("/media/uploads/embed-");

        body.sendKeys("Boats will use the south pier until the thaw." + Keys.ENTER);
        click(browser.findElement(By.xpath("//div[contains(@class,'rich-toolbar')]/button[normalize-space()='Pull quote']")));
        body.sendKeys("The harbour master expects the ice to hold until Thursday.");

        // Autosave made the draft as the author typed; the page moved to it.
        await().atMost(Duration.ofSeconds(20)).until(() -> browser.getCurrentUrl().matches(".*/newsroom/articles/\\d+$"));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/newsroom/articles/(\\d+)$", "$1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> articles.findById(id).orElseThrow().bodyDocument().contains("until Thursday."));
        String stored = articles.findById(id).orElseThrow().bodyDocument();
        assertThat(stored).contains("\"type\":\"embed\"").contains(videoTitle.replace("\"", "\\\"")).contains("\"thumbnail\":\"/media/uploads/embed-")
                .contains("{\"type\":\"figure\",\"attrs\":{\"figureId\":" + figureId + "}}").contains("\"type\":\"pullQuote\"");
        browser.executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", browser.findElement(By.cssSelector(".rich-editor")));
        screenshot("journey-editor-390");
        browser.manage().window().setSize(new Dimension(1366, 1000));
        screenshot("journey-editor-1366");
        browser.manage().window().setSize(new Dimension(390, 900));
        browser.executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})",
                browser.findElement(By.cssSelector(".rich-editor-body .embed-block")));
        screenshot("journey-editor-embed-390");

        // Preview in a new tab.
        open("/newsroom/articles/" + id);
        String editorTab = browser.getWindowHandle();
        click(new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector(".preview-actions button"))));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getWindowHandles().size() == 2);
        browser.switchTo().window(browser.getWindowHandles().stream().filter(h -> !h.equals(editorTab)).findFirst().orElseThrow());
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector(".story-body figure.figure")).isEmpty());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(headline);
        assertThat(browser.findElement(By.cssSelector(".story-body .embed-title")).getText()).isEqualTo(videoTitle);
        screenshot("journey-preview-390");
        browser.manage().window().setSize(new Dimension(1366, 1000));
        screenshot("journey-preview-1366");
        browser.manage().window().setSize(new Dimension(390, 900));
        browser.close();
        browser.switchTo().window(editorTab);

        // A shareable preview link, opened by someone with no account.
        click(browser.findElement(By.linkText("Share a preview link")));
        click(browser.findElement(By.xpath("//button[normalize-space()='Make a preview link']")));
        String link = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.id("new-link"))).getDomProperty("value");
        ChromeDriver stranger = newBrowser();
        try {
            stranger.manage().window().setSize(new Dimension(390, 900));
            stranger.get(link);
            assertThat(stranger.manage().getCookies()).as("no session was ever made in this browser").noneMatch(c -> c.getName().contains("SESSION"));
            assertThat(stranger.findElement(By.tagName("h1")).getText()).isEqualTo(headline);
            assertThat(stranger.findElement(By.cssSelector(".story-body figure.figure figcaption .credit")).getDomProperty("textContent")).isEqualTo(CREDIT);
        } finally {
            stranger.quit();
        }

        // Submitted for review: the editor is told by mail.
        open("/newsroom/articles/" + id);
        click(browser.findElement(By.xpath("//button[normalize-space()='Submit for review']")));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("?moved"));
        String mail = NewsroomTest.mailText(editorEmail, "For review: " + headline);
        String storyPath = URI.create(mail.lines().filter(l -> l.contains("/newsroom/articles/")).findFirst().orElseThrow().strip()).getPath();
        assertThat(storyPath).isEqualTo("/newsroom/articles/" + id);

        // The editor signs in, leaves a note, schedules it.
        browser.manage().deleteAllCookies();
        signIn(editorEmail);
        screenshot("journey-desk-390");
        browser.manage().window().setSize(new Dimension(1366, 1000));
        screenshot("journey-desk-1366");
        browser.manage().window().setSize(new Dimension(390, 900));
        open(storyPath);
        WebElement note = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector("#notes textarea[name=text]")));
        note.sendKeys("Good. Check the 1987 date with the harbour office before it goes.");
        click(browser.findElement(By.xpath("//button[normalize-space()='Add note']")));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector("#notes .story-notes")).getText().contains("1987 date"));

        LocalDateTime inAFewSeconds = LocalDateTime.now(settings.site().timeZone()).plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        WebElement when = browser.findElement(By.name("scheduledAt"));
        browser.executeScript("arguments[0].step = 1; arguments[0].value = arguments[1]", when, inAFewSeconds.toString());
        click(browser.findElement(By.xpath("//button[normalize-space()='Schedule']")));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("?moved"));
        published = id;
        await().atMost(Duration.ofSeconds(30)).until(() -> articles.findById(id).orElseThrow().status() == ArticleStatus.PUBLISHED);

        // Readers: the photo with its credit, the video as a card until it is asked for.
        open(storyPath);
        String href = browser.findElement(By.linkText("View it on the site")).getDomAttribute("href");
        open(href);
        WebElement photo = browser.findElement(By.cssSelector(".story-body figure.figure"));
        assertThat(photo.findElement(By.tagName("img")).getDomAttribute("alt")).isEqualTo(alt);
        assertThat(photo.findElement(By.cssSelector("figcaption .caption")).getText()).isEqualTo(CAPTION);
        assertThat(photo.findElement(By.cssSelector("figcaption .credit")).getDomProperty("textContent")).isEqualTo(CREDIT);
        assertThat(browser.findElement(By.cssSelector(".story-body .pull-quote")).getText()).isEqualTo("The harbour master expects the ice to hold until Thursday.");
        WebElement card = browser.findElement(By.cssSelector(".story-body aside.embed"));
        assertThat(card.findElement(By.cssSelector(".embed-title")).getText()).isEqualTo(videoTitle);
        assertThat(card.findElement(By.cssSelector(".embed-card img")).getDomAttribute("src")).startsWith("/media/uploads/embed-");
        assertThat(card.findElements(By.tagName("iframe"))).as("no player before the click").isEmpty();
        assertThat(thirdPartyRequests(browser)).as("nothing but the site before the click").isEmpty();
        browser.executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", card);
        screenshot("journey-published-390");
        browser.manage().window().setSize(new Dimension(1366, 1000));
        screenshot("journey-published-1366");
        click(card.findElement(By.cssSelector("button.embed-play")));
        assertThat(card.findElement(By.cssSelector("iframe.embed-player")).getDomAttribute("src"))
                .isEqualTo("https://www.youtube-nocookie.com/embed/" + video.substring(video.length() - 11));
        assertThat(contentSecurityPolicyViolations(browser)).isEmpty();
    }

    /** A paste of one thing ({@code item}: a file from base64, or text) into the element, as the clipboard would make it. */
    private static void paste(WebElement target, String item, String value) {
        browser.executeScript("""
                const item = %s;
                const data = new DataTransfer();
                if (item.base64) {
                  const bytes = Uint8Array.from(atob(item.base64), c => c.charCodeAt(0));
                  data.items.add(new File([bytes], item.name, {type: item.type}));
                } else {
                  data.setData(item.type, item.text);
                }
                arguments[0].dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));"""
                .formatted(item), target, value);
    }

    /** Types into one of the figure's fields and leaves it, which saves it to the library. */
    private static void describe(WebElement figure, String label, String text) {
        WebElement field = figure.findElement(By.xpath(".//label[starts-with(normalize-space(), '" + label + "')]/following-sibling::input"));
        click(field);
        field.sendKeys(text + Keys.TAB);
    }

    /** Hosts the page has fetched from (resource timing), other than the site's own. */
    @SuppressWarnings("unchecked")
    private static List<String> thirdPartyRequests(WebDriver page) {
        List<String> urls = (List<String>) ((ChromeDriver) page).executeScript("return performance.getEntriesByType('resource').map(e => e.name)");
        return urls.stream().filter(u -> !"localhost".equals(URI.create(u).getHost())).toList();
    }
}
