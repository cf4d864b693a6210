package news.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import news.broadsheet.BrowserTest;
import news.broadsheet.content.ArticleDraft;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.Embed;
import news.broadsheet.content.HtmlSanitizer;
import news.broadsheet.content.SectionRepository;

/**
 * An embedded video is a card until the reader asks for it: the page makes no request to anyone
 * but the site before the click, and the click puts the provider's player in a sandboxed frame.
 */
class EmbedsInBrowserTest extends BrowserTest {

    private static final String VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";

    @Autowired
    ArticleService articles;
    @Autowired
    SectionRepository sections;
    @Autowired
    AuthorRepository authors;

    @Test
    void aVideoLoadsNothingFromTheProviderUntilTheReaderClicksPlay() {
        String slug = "harbour-regatta-video-" + System.nanoTime();
        articles.create(new ArticleDraft(slug, sections.findBySlug("sport").orElseThrow().id(), "Regatta in one minute", "",
                "The finish, filmed from the breakwater:\n\n" + VIDEO + "\n\nRace report follows.", "en", null, null, List.of(authors.findBySlug("amara-okafor").orElseThrow().id()), List.of(),
                List.of(new Embed(VIDEO, "youtube.com", "Regatta finish", null)), null, ArticleStatus.PUBLISHED, Instant.now(), null, null));

        open("/sport/" + slug);
        WebElement embed = browser.findElement(By.cssSelector("aside.embed"));
        assertThat(embed.findElement(By.cssSelector(".embed-provider")).getAttribute("textContent")).isEqualTo("YouTube");
        assertThat(embed.findElements(By.tagName("iframe"))).isEmpty();
        assertThat(thirdPartyRequests()).as("nothing but the site before the click").isEmpty();
        screenshot("embed-before-click");

        WebElement play = embed.findElement(By.cssSelector("button.embed-play"));
        assertThat(play.getText()).contains("loads content from YouTube");
        click(play);
        WebElement player = browser.findElement(By.cssSelector("aside.embed iframe.embed-player"));
        assertThat(player.getAttribute("src")).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
        assertThat(player.getAttribute("sandbox")).isEqualTo("allow-scripts allow-same-origin allow-popups allow-presentation");
        assertThat(player.getAttribute("title")).isEqualTo("Regatta finish (YouTube)");
        assertThat(contentSecurityPolicyViolations(browser)).as("the player's origin is an allowed frame").isEmpty();
        assertThat(seriousAccessibilityViolations()).isEmpty();
    }

    @Test
    void withoutScriptTheCardIsALinkAndStoredHtmlCannotChooseWhatIsFramed() {
        Element card = Jsoup.parse(HtmlSanitizer.sanitizeArticleHtml(
                "<aside class=\"embed\" data-player=\"https://evil.example/frame\"><a class=\"embed-card\" href=\"https://evil.example\">x</a></aside>"
                        + "<aside class=\"embed\" data-player=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\"></aside>"
                        + "<aside class=\"embed\" data-player=\"javascript:alert(1)\"></aside>")).body();
        assertThat(card.select("aside").eachAttr("data-player")).containsExactly("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
        assertThat(card.selectFirst("a.embed-card").attr("href")).isEqualTo("https://evil.example");
    }

    /** Hosts the page has fetched from (resource timing), other than the site's own. */
    @SuppressWarnings("unchecked")
    private List<String> thirdPartyRequests() {
        List<String> urls = (List<String>) browser.executeScript("return performance.getEntriesByType('resource').map(e => e.name)");
        return urls.stream().filter(u -> !"localhost".equals(URI.create(u).getHost())).toList();
    }
}
