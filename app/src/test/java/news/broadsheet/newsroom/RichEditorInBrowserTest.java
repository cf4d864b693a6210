package news.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import news.broadsheet.BrowserTest;
import news.broadsheet.content.ArticleRepository;
import news.broadsheet.content.BodyDocuments;
import news.broadsheet.content.FigureRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A reporter files from a phone in the rich editor: a heading typed as Markdown, a pull quote from
 * the toolbar, a photo uploaded from the editor with its alt text, caption and credit; an editor
 * publishes it, and readers see all three. Nothing the page does is refused by its
 * Content-Security-Policy.
 */
class RichEditorInBrowserTest extends BrowserTest {

    @Autowired
    ArticleRepository articles;
    @Autowired
    FigureRepository figures;
    @Autowired
    JdbcClient db;

    private static final String CAPTION = "The first shift in eleven years";
    private static final String CREDIT = "Photo: Ana Ferreira";

    private final List<String> refused = new ArrayList<>();

    @AfterEach
    void reset() {
        browser.manage().window().setSize(new Dimension(1280, 1600));
        browser.manage().deleteAllCookies();
    }

    @Test
    void anAuthorWritesAndIllustratesAStoryOnAPhoneAndAnEditorPublishesIt() {
        browser.manage().window().setSize(new Dimension(390, 900));
        String unique = UUID.randomUUID().toString().substring(0, 6);
        String headline = "Keepers return to Skerry Point " + unique;
        String alt = "Two keepers climbing the lighthouse stairs " + unique;

        signInAs("AUTHOR", "Phone Reporter " + unique);
        open("/newsroom/articles/new");
        WebElement body = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector(".rich-editor-body[contenteditable=true]")));
        assertThat(browser.findElement(By.name("body")).isDisplayed()).as("the Markdown textarea gives way to the editor").isFalse();
        assertThat(body.getDomAttribute("dir")).as("right-to-left paragraphs read right to left").isEqualTo("auto");
        browser.findElement(By.name("headline")).sendKeys(headline);
        new Select(browser.findElement(By.name("sectionId"))).selectByVisibleText("World");
        new Select(browser.findElement(By.name("authorIds"))).selectByIndex(0);

        click(body);
        body.sendKeys("## Back on the rock" + Keys.ENTER);
        body.sendKeys("The harbour trust has hired two keepers for the light." + Keys.ENTER);
        body.sendKeys("The light never went out, but now someone is watching it.");
        WebElement pullQuote = toolbarButton("Pull quote");
        assertThat(pullQuote.getDomAttribute("aria-pressed")).isEqualTo("false");
        click(pullQuote);
        assertThat(pullQuote.getDomAttribute("aria-pressed")).isEqualTo("true");
        body.sendKeys(Keys.ENTER + "They will log the weather every three hours." + Keys.ENTER);

        browser.findElement(By.cssSelector("input[data-editor-upload]")).sendKeys(picture(480, 320, "jpeg").toAbsolutePath().toString());
        WebElement figure = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(d -> d.findElement(By.cssSelector(".rich-editor-body figure.figure-block")));
        long figureId = Long.parseLong(figure.getDomAttribute("data-figure-id"));
        await().atMost(Duration.ofSeconds(10)).until(() -> figure.findElement(By.tagName("img")).getDomProperty("src").contains("/media/"));
        describe(figure, "Alt text", alt, figureId);
        describe(figure, "Caption", CAPTION, figureId);
        describe(figure, "Credit", CREDIT, figureId);
        assertThat(figures.findById(figureId).orElseThrow()).satisfies(f -> {
            assertThat(f.alt()).isEqualTo(alt);
            assertThat(f.caption()).isEqualTo(CAPTION);
            assertThat(f.credit()).isEqualTo(CREDIT);
        });
        browser.executeScript("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'})", browser.findElement(By.cssSelector(".rich-editor")));
        screenshot("rich-editor-390");
        assertThat(horizontalOverflow()).as("the editor fits a phone").isLessThanOrEqualTo(0);
        browser.manage().window().setSize(new Dimension(1366, 1000));
        screenshot("rich-editor-1366");
        browser.manage().window().setSize(new Dimension(390, 900));
        noteRefusals();

        click(browser.findElement(By.xpath("//form[@id='editor']//button[normalize-space()='Save']")));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().matches(".*/newsroom/articles/\\d+\\?saved"));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/newsroom/articles/(\\d+).*", "$1"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector(".rich-editor-body figure.figure-block")));
        screenshot("rich-editor-saved-390");
        click(browser.findElement(By.xpath("//button[normalize-space()='Submit for review']")));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("?moved"));
        noteRefusals();

        String stored = articles.findById(id).orElseThrow().bodyDocument();
        assertThat(BodyDocuments.canonical(stored)).as("the stored document reads back as it was stored").isEqualTo(stored);
        assertThat(stored).contains("{\"type\":\"heading\",\"attrs\":{\"level\":2},\"content\":[{\"type\":\"text\",\"text\":\"Back on the rock\"}]}")
                .contains("{\"type\":\"pullQuote\",\"content\":[{\"type\":\"text\",\"text\":\"The light never went out, but now someone is watching it.\"}]}")
                .contains("{\"type\":\"figure\",\"attrs\":{\"figureId\":" + figureId + "}}");

        browser.manage().deleteAllCookies();
        signInAsEditor("Desk Editor " + unique);
        open("/newsroom/articles/" + id);
        click(new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.xpath("//button[normalize-space()='Publish now']"))));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("?moved"));
        String href = browser.findElement(By.linkText("View it on the site")).getDomAttribute("href");
        noteRefusals();

        open(href);
        WebElement story = browser.findElement(By.cssSelector(".story-body"));
        assertThat(story.findElement(By.tagName("h2")).getText()).isEqualTo("Back on the rock");
        assertThat(story.findElement(By.cssSelector(".pull-quote")).getText()).isEqualTo("The light never went out, but now someone is watching it.");
        WebElement published = story.findElement(By.cssSelector("figure.figure"));
        assertThat(published.findElement(By.tagName("img")).getDomAttribute("alt")).isEqualTo(alt);
        assertThat(published.findElement(By.cssSelector("figcaption .caption")).getText()).isEqualTo(CAPTION);
        assertThat(published.findElement(By.cssSelector("figcaption .credit")).getDomProperty("textContent")).isEqualTo(CREDIT);
        screenshot("rich-editor-published-390");
        browser.manage().window().setSize(new Dimension(1366, 1000));
        screenshot("rich-editor-published-1366");
        noteRefusals();

        assertThat(refused).as("Content-Security-Policy refusals").isEmpty();
    }

    @Test
    void aPastedAddressOnAnEmptyLineBecomesAnEmbedAndTheLibraryPlacesAnImage() {
        String url = "https://www.youtube.com/watch?v=skerry" + UUID.randomUUID().toString().substring(0, 5);
        signInAs("AUTHOR", "Embedder " + url.substring(url.length() - 6));
        open("/newsroom/articles/new");
        WebElement body = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector(".rich-editor-body[contenteditable=true]")));
        click(body);
        browser.executeScript("""
                const data = new DataTransfer();
                data.setData('text/plain', arguments[1]);
                arguments[0].dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));""", body, url);
        WebElement embed = new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.findElement(By.cssSelector(".rich-editor-body .embed-block")));
        assertThat(embed.getText()).contains(url);
        // The local stand-in for YouTube knows no such video: the block stays, with its address and a note.
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> embed.getText().contains("No title found"));

        click(toolbarButton("Image from library"));
        WebElement shelf = browser.findElement(By.cssSelector(".rich-library"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !shelf.getText().startsWith("Loading"));
        List<WebElement> choices = shelf.findElements(By.cssSelector(".rich-library-choice"));
        assertThat(choices).as(shelf.getText()).isNotEmpty();
        click(choices.getFirst());
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.findElement(By.cssSelector(".rich-editor-body figure.figure-block img[src]")));

        String document = browser.findElement(By.name("bodyDocument")).getDomProperty("value");
        assertThat(BodyDocuments.embeds(document)).extracting(news.broadsheet.content.Embed::url).containsExactly(url);
        assertThat(document).containsPattern("\\{\"type\":\"figure\",\"attrs\":\\{\"figureId\":\\d+}}");
        noteRefusals();
        assertThat(refused).as("Content-Security-Policy refusals").isEmpty();
    }

    @Test
    void aNewStoryIsSavedAsOneDraftFromTheFirstKeystrokes() {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        String writer = "Quick Starter " + unique;
        String headline = "Harbour ice closes the north quay " + unique;
        signInAs("AUTHOR", writer);
        open("/newsroom/articles/new");
        WebElement body = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector(".rich-editor-body[contenteditable=true]")));
        new Select(browser.findElement(By.name("authorIds"))).selectByIndex(0);
        browser.findElement(By.name("headline")).sendKeys(headline);
        click(body);
        body.sendKeys("Frozen");

        await().atMost(Duration.ofSeconds(15)).until(() -> storiesBy(writer) == 1
                && browser.getCurrentUrl().matches(".*/newsroom/articles/\\d+$"));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/newsroom/articles/(\\d+)$", "$1"));
        body.sendKeys(" overnight.");
        await().atMost(Duration.ofSeconds(15)).until(() -> BodyDocuments.canonical(articles.findById(id).orElseThrow().bodyDocument())
                .contains("Frozen overnight."));
        await().atMost(Duration.ofSeconds(5)).until(() -> browser.findElement(By.id("autosave-status")).getText().startsWith("Draft saved"));

        browser.navigate().refresh();
        WebElement again = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector(".rich-editor-body[contenteditable=true]")));
        assertThat(again.getText()).isEqualTo("Frozen overnight.");
        assertThat(browser.findElement(By.name("headline")).getDomProperty("value")).isEqualTo(headline);
        assertThat(storiesBy(writer)).as("exactly one article for one new story").isEqualTo(1);
        noteRefusals();
        assertThat(refused).as("Content-Security-Policy refusals").isEmpty();
    }

    @Test
    void linkAndEmbedAddressesAreAskedForInThePageByKeyboardOnAPhone() {
        browser.manage().window().setSize(new Dimension(390, 900));
        signInAs("AUTHOR", "Keyboard Writer " + UUID.randomUUID().toString().substring(0, 6));
        open("/newsroom/articles/new");
        WebElement body = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.cssSelector(".rich-editor-body[contenteditable=true]")));
        click(body);
        body.sendKeys("Tide tables");
        body.sendKeys(Keys.chord(Keys.SHIFT, Keys.HOME));

        click(toolbarButton("Link"));
        WebElement dialog = browser.findElement(By.cssSelector("dialog.rich-dialog[open]"));
        WebElement address = dialog.findElement(By.cssSelector("input[type=url]"));
        assertThat(browser.switchTo().activeElement()).as("focus moves into the dialog").isEqualTo(address);
        assertThat(dialog.getRect().getWidth()).as("the dialog fits a phone").isLessThanOrEqualTo(390);
        screenshot("rich-editor-link-dialog-390");
        address.sendKeys("https://tides.example/north-quay" + Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector("dialog.rich-dialog")).isEmpty());
        assertThat(body.findElement(By.cssSelector("a")).getDomAttribute("href")).isEqualTo("https://tides.example/north-quay");
        assertThat(browser.switchTo().activeElement()).as("focus is back in the body").isEqualTo(body);

        click(toolbarButton("Embed"));
        WebElement embedAddress = browser.findElement(By.cssSelector("dialog.rich-dialog[open] input[type=url]"));
        embedAddress.sendKeys("not an address" + Keys.ENTER);
        assertThat(browser.findElement(By.cssSelector("dialog.rich-dialog[open] [role=alert]")).getText()).contains("http or https");
        embedAddress.sendKeys(Keys.ESCAPE);
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.findElements(By.cssSelector("dialog.rich-dialog")).isEmpty());
        assertThat(browser.switchTo().activeElement()).as("Escape gives focus back to the body").isEqualTo(body);
        assertThat(body.findElements(By.cssSelector(".embed-block"))).as("nothing inserted").isEmpty();
        noteRefusals();
        assertThat(refused).as("Content-Security-Policy refusals").isEmpty();
    }

    private long storiesBy(String displayName) {
        return db.sql("SELECT COUNT(*) FROM articles a JOIN staff s ON s.id = a.created_by WHERE s.display_name = :n")
                .param("n", displayName).query(Long.class).single();
    }

    /** What the migration made of every demo body loads in the editor and comes back from it as the same document. */
    @Test
    void everyConvertedBodyRoundTripsThroughTheEditor() {
        signInAsEditor("Round Trip " + UUID.randomUUID().toString().substring(0, 6));
        List<Map<String, Object>> bodies = db.sql("SELECT id, body_document FROM articles WHERE body_markdown <> '' AND body_document <> '' ORDER BY id")
                .query().listOfRows();
        assertThat(bodies).isNotEmpty();
        for (Map<String, Object> body : bodies) {
            open("/newsroom/articles/" + body.get("id"));
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector(".rich-editor-body[contenteditable=true]")));
            String fromEditor = browser.findElement(By.name("bodyDocument")).getDomProperty("value");
            // The editor keeps an empty paragraph after a last block that is not one, to type after it; it renders as nothing.
            String withoutTrailing = BodyDocuments.canonical(fromEditor).replaceFirst(",\\{\"type\":\"paragraph\"}]}$", "]}");
            assertThat(withoutTrailing).as("article " + body.get("id")).isEqualTo(body.get("body_document"));
            noteRefusals();
        }
        assertThat(refused).as("Content-Security-Policy refusals").isEmpty();
    }

    private WebElement toolbarButton(String name) {
        return browser.findElement(By.xpath("//div[contains(@class,'rich-toolbar')]/button[normalize-space()='" + name + "']"));
    }

    /** Types into one of the figure's fields and leaves it, which saves it to the library. */
    private void describe(WebElement figure, String label, String text, long figureId) {
        WebElement field = figure.findElement(By.xpath(".//label[starts-with(normalize-space(), '" + label + "')]/following-sibling::input"));
        click(field);
        field.sendKeys(text + Keys.TAB);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var f = figures.findById(figureId).orElseThrow();
            return List.of(f.alt(), f.caption(), f.credit()).contains(text);
        });
    }

    private long horizontalOverflow() {
        return (Long) browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    }

    private void noteRefusals() {
        refused.addAll(contentSecurityPolicyViolations(browser));
    }
}
