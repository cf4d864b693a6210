package news.broadsheet.readers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import news.broadsheet.BrowserTest;
import news.broadsheet.content.ChangeEvent;
import news.broadsheet.content.ChangeLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A reader's whole visit in a real browser: browse from the front page to a story and a related
 * one, search from the masthead, subscribe from the article, confirm and sign in with the links
 * that arrived by mail, read a gated story in full, comment, and see the comment appear once an
 * editor has approved it in the newsroom.
 */
class ReaderJourneyInBrowserTest extends BrowserTest {

    private static final long THIRTY_DAYS = 30L * 86_400_000;

    @Autowired
    JdbcClient db;
    @Autowired
    ReaderSettings settings;
    @Autowired
    ChangeLog changes;
    @Autowired
    TransactionTemplate transaction;

    private final Map<String, String> changedSettings = new LinkedHashMap<>();
    private boolean backdated;

    @AfterEach
    void restore() {
        changedSettings.forEach(settings::put);
        changedSettings.clear();
        if (backdated) {
            shiftShowcase(THIRTY_DAYS);
            backdated = false;
        }
        browser.manage().deleteAllCookies();
    }

    @Test
    void aReaderBrowsesSubscribesSignsInReadsTheArchiveAndComments() {
        String email = "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@readers.example";

        open("/");
        screenshot("reader-1-home");
        navigate(By.cssSelector("a[href='/world']"), url -> url.endsWith("/world"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("World");
        screenshot("reader-2-section");

        // Other tests publish stories too: follow "Older stories" until the story's card is on the page.
        for (int i = 0; i < 20 && browser.findElements(By.cssSelector("main .card-title a[href='" + ReaderTest.SHOWCASE + "']")).isEmpty(); i++) {
            String before = browser.getCurrentUrl();
            navigate(By.cssSelector("a[rel=next]"), url -> !url.equals(before));
        }
        navigate(By.cssSelector("main .card-title a[href='" + ReaderTest.SHOWCASE + "']"), url -> url.endsWith(ReaderTest.SHOWCASE));
        String showcaseHeadline = browser.findElement(By.tagName("h1")).getText();
        screenshot("reader-3-article");

        WebElement related = browser.findElement(By.cssSelector(".related .card-title a"));
        String relatedHref = related.getDomAttribute("href");
        navigate(By.cssSelector(".related .card-title a[href='" + relatedHref + "']"), url -> url.endsWith(relatedHref));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotEqualTo(showcaseHeadline);
        screenshot("reader-4-related-article");

        browser.findElement(By.id("masthead-q")).sendKeys("ceasefire");
        browser.findElement(By.id("masthead-q")).submit();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/search?q=ceasefire"));
        assertThat(browser.findElements(By.cssSelector("main a[href='" + ReaderTest.SHOWCASE + "']"))).as("the story is found").isNotEmpty();
        screenshot("reader-5-search");
        assertThat(seriousAccessibilityViolations()).as("search page").isEmpty();

        // Subscribe from the inline form on the article; the form refuses submissions faster than a second.
        navigate(By.cssSelector("main a[href='" + ReaderTest.SHOWCASE + "']"), url -> url.endsWith(ReaderTest.SHOWCASE));
        WebElement subscribe = browser.findElement(By.cssSelector("form.subscribe-form"));
        subscribe.findElement(By.name("email")).sendKeys(email);
        pause(1100);
        click(subscribe.findElement(By.tagName("button")));
        waitForHeading("Almost done");
        screenshot("reader-6-subscribed");

        open(ReaderTest.link(ReaderTest.mailTo(email, 1).getFirst(), "/subscribe/confirm"));
        waitForHeading("You are subscribed");
        screenshot("reader-7-confirmed");

        open("/members/sign-in");
        browser.findElement(By.name("email")).sendKeys(email);
        pause(1100);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForHeading("Check your inbox");
        open(ReaderTest.link(ReaderTest.mailTo(email, 2).get(1), "/members/session"));
        waitForHeading("Sign in");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/members/preferences"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Signed in as " + email);
        screenshot("reader-8-signed-in");

        // The archive gate: a month-old story is cut short for anonymous readers, whole for this member.
        String lastParagraph = page(ReaderTest.SHOWCASE).select(GateTest.LAST_PARAGRAPH_PROBE).last().text();
        setting("readers.gate.after-days", "1");
        setting("readers.gate.mode", "HARD");
        setting("readers.gate.free-paragraphs", "2");
        shiftShowcase(-THIRTY_DAYS);
        backdated = true;
        assertThat(get(ReaderTest.SHOWCASE).body()).as("anonymous readers are gated").doesNotContain(lastParagraph);
        open(ReaderTest.SHOWCASE);
        assertThat(browser.findElements(By.cssSelector("aside.subscribe-box"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".story-body")).getText()).contains(lastParagraph);
        screenshot("reader-9-gated-article-in-full");

        // Members skip the first-comment hold, so a moderator's keyword sends this one to the queue.
        setting("readers.comments.min-fill-seconds", "0");
        setting("readers.comments.blocklist", "dredging");
        String comment = "Good to read the whole piece. Any word on the dredging schedule? " + UUID.randomUUID();
        WebElement form = browser.findElement(By.cssSelector("#comments form.comment-form"));
        form.findElement(By.name("name")).sendKeys("Journey Reader");
        assertThat(form.findElements(By.name("email"))).as("a member is not asked for the address").isEmpty();
        form.findElement(By.name("body")).sendKeys(comment);
        click(form.findElement(By.cssSelector("button[type=submit]")));
        arrival().until(d -> d.findElement(By.tagName("main")).getText().contains("once a moderator has read it"));
        screenshot("reader-10-comment-held");

        browser.manage().deleteAllCookies();
        signInAsEditor("Comment Moderator");
        open("/newsroom/comments");
        WebElement held = browser.findElements(By.cssSelector(".moderation-item")).stream()
                .filter(e -> e.getText().contains(comment)).findFirst().orElseThrow();
        String heldId = held.getDomAttribute("id");
        screenshot("reader-11-moderation-queue");
        click(held.findElement(By.xpath(".//button[normalize-space()='Approve']")));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/newsroom/comments")
                && d.findElements(By.id(heldId)).isEmpty());

        browser.manage().deleteAllCookies();
        open(ReaderTest.SHOWCASE);
        WebElement shown = browser.findElement(By.cssSelector("#comments #" + heldId));
        assertThat(shown.findElement(By.cssSelector(".comment-author")).getText()).isEqualTo("Journey Reader");
        assertThat(shown.findElement(By.cssSelector(".comment-body")).getText()).isEqualTo(comment);
        assertThat(browser.getPageSource()).doesNotContain(email);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", shown);
        screenshot("reader-12-comment-published");
        assertThat(seriousAccessibilityViolations()).as("article with comments").isEmpty();
    }

    /** Clicks a link and waits for the page it leads to, so no step races a navigation. */
    private static void navigate(By link, Function<String, Boolean> arrived) {
        click(browser.findElements(link).stream().filter(WebElement::isDisplayed).findFirst()
                .orElseThrow(() -> new AssertionError("no visible link " + link)));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until((WebDriver d) -> arrived.apply(d.getCurrentUrl()));
    }

    /** A wait that reads the page while a form post may be replacing it: an element of the old page is not a failure. */
    private static WebDriverWait arrival() {
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class);
    }

    private static void waitForHeading(String text) {
        arrival().until(d -> d.findElements(By.tagName("h1")).stream()
                .anyMatch(h -> h.getText().equals(text)));
    }

    private void setting(String name, String value) {
        changedSettings.putIfAbsent(name, settings.raw().get(name));
        settings.put(name, value);
    }

    private void shiftShowcase(long millis) {
        long id = db.sql("SELECT id FROM articles WHERE slug = :slug")
                .param("slug", ReaderTest.SHOWCASE.substring(ReaderTest.SHOWCASE.lastIndexOf('/') + 1)).query(Long.class).single();
        transaction.executeWithoutResult(status -> {
            db.sql("UPDATE articles SET published_at = published_at + :shift WHERE id = :id").param("shift", millis).param("id", id).update();
            changes.record(ChangeEvent.Kind.ARTICLE_UPDATED, id);
        });
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
