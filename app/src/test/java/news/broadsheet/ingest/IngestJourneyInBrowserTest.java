package news.broadsheet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import news.broadsheet.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ingest desk as an editor uses it, in a real browser: add a partner source pointing at a
 * feed server on 127.0.0.1, preview it, save it, poll it, approve a story from the review queue,
 * and find it published with its attribution.
 */
class IngestJourneyInBrowserTest extends BrowserTest {

    private static final String STORY = "<p>The harbour board voted on Monday to dredge the eastern channel, a project "
            + "ferry operators have sought for a decade. Work starts in spring and is expected to take two years.</p>"
            + "<p>Board chair Ines Okoro said the deeper channel would let larger ferries dock at high and low tide alike, "
            + "ending the timetable gaps that strand commuters twice a day in winter.</p>"
            + "<p>Fishermen's groups asked for the work to pause during the spawning season, and the board agreed to a "
            + "six-week break each spring while the dredgers are moved to the western berths.</p>";

    @Autowired
    JdbcClient db;

    private final FeedServer partner = new FeedServer();

    @AfterEach
    void stopPartner() {
        partner.close();
    }

    @Test
    void anEditorAddsASourceReviewsAStoryAndPublishesItWithAttribution() {
        String headline = "Harbour board backs channel dredging " + UUID.randomUUID().toString().substring(0, 6);
        partner.serve("/", "text/html", "<html><head><link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss\"></head><body>Lighthouse Gazette</body></html>");
        partner.serve("/rss", "application/rss+xml; charset=utf-8", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Lighthouse Gazette</title><link>%s</link><description>Partner news</description>
                <item><guid>dredge-journey</guid><title>%s</title><link>%s</link><pubDate>Mon, 23 Nov 2026 09:00:00 GMT</pubDate>
                <description><![CDATA[%s]]></description></item></channel></rss>""".formatted(partner.url("/"), headline, partner.url("/story/dredge"), STORY));

        signInAsEditor("Desk Editor");

        open("/newsroom/ingest/sources/new");
        browser.findElement(By.id("name")).sendKeys("Lighthouse Gazette");
        browser.findElement(By.id("homeUrl")).sendKeys(partner.url("/"));
        new Select(browser.findElement(By.id("rightsMode"))).selectByValue("FULL_TEXT");
        new Select(browser.findElement(By.id("publishMode"))).selectByValue("REVIEW");
        browser.findElement(By.cssSelector("button[value=preview]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("button[value=save]")).size() == 1);
        assertThat(browser.findElement(By.tagName("main")).getText()).as("the preview lists the feed's story").contains(headline);
        assertThat(browser.findElement(By.id("feedUrl")).getAttribute("value")).as("feed discovered from the home page").isEqualTo(partner.url("/rss"));
        screenshot("ingest-source-preview");
        assertThat(seriousAccessibilityViolations()).isEmpty();
        browser.findElement(By.cssSelector("button[value=save]")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.xpath("//button[normalize-space()='Poll now']")).isEmpty());
        button("Poll now").click();
        String polled = new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("p.notice[role=status]")).stream().map(WebElement::getText)
                        .filter(t -> t.startsWith("Poll") || t.startsWith("A poll")).findFirst().orElse(null));
        assertThat(polled).as("the desk's answer to Poll now").startsWith("Polled: 1 new");
        WebElement row = new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
            open("/newsroom/ingest/review");
            return d.findElements(By.cssSelector("tbody tr")).stream().filter(r -> r.getText().contains(headline)).findFirst().orElse(null);
        });
        screenshot("ingest-review-queue");
        row.findElement(By.xpath(".//button[normalize-space()='Approve and publish']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> db.sql("SELECT status FROM articles WHERE headline = :h")
                .param("h", headline).query(String.class).optional().filter("PUBLISHED"::equals).isPresent());

        String slug = db.sql("SELECT a.slug || '|' || s.slug FROM articles a JOIN sections s ON s.id = a.section_id WHERE a.headline = :h")
                .param("h", headline).query(String.class).single();
        open("/" + slug.split("\\|")[1] + "/" + slug.split("\\|")[0]);
        screenshot("ingest-published-story");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(headline);
        assertThat(browser.findElement(By.cssSelector(".story-body")).getText()).contains("Ines Okoro");
        WebElement attribution = browser.findElement(By.cssSelector(".attribution"));
        assertThat(attribution.getText()).contains("Lighthouse Gazette");
        assertThat(attribution.findElement(By.tagName("a")).getAttribute("href")).isEqualTo(partner.url("/story/dredge"));
    }

    private static WebElement button(String text) {
        return browser.findElement(By.xpath("//button[normalize-space()='" + text + "']"));
    }
}
