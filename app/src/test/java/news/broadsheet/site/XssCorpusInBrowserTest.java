package news.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import news.broadsheet.BrowserTest;
import news.broadsheet.content.ArticleDraft;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.Embed;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.content.SourceRepository;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.NoAlertPresentException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The OWASP filter-evasion corpus (src/test/resources/xss) put into every field a story has,
 * then every page that shows those fields opened in a real browser: no injected script may run.
 * Comment, search and ingest fields join this test as those features land.
 */
class XssCorpusInBrowserTest extends BrowserTest {

    @Autowired
    ArticleService articles;
    @Autowired
    SectionRepository sections;
    @Autowired
    AuthorRepository authors;
    @Autowired
    SourceRepository sources;

    @Test
    void noVectorRunsScriptOnAnyPageThatShowsIt() throws IOException {
        List<String> vectors = vectors();
        assertThat(vectors).hasSizeGreaterThan(100);
        String sectionSlug = "xss-lab-" + System.nanoTime();
        long sectionId = sections.insert(sectionSlug, "XSS " + vectors.getFirst(), vectors.get(1), 99);
        long authorId = authors.findBySlug("amara-okafor").orElseThrow().id();
        List<String> pages = new ArrayList<>(List.of("/", "/" + sectionSlug));
        for (int i = 0; i < vectors.size(); i++) {
            String vector = vectors.get(i);
            String slug = sectionSlug + "-" + i;
            long sourceId = sources.insert(upTo(200, vector), "https://partner.example/");
            articles.create(new ArticleDraft(slug, sectionId, vector, vector,
                    vector + "\n\n" + "Paragraph " + vector + "\n\n> " + vector + "\n\n- " + vector,
                    "en", null, null, List.of(authorId), List.of(upTo(120, "tag " + i + " " + vector)),
                    List.of(new Embed("https://video.example/" + i, upTo(120, vector), vector, null)),
                    new ArticleDraft.AttributionDraft(sourceId, "https://partner.example/" + i, true, true, Instant.now()),
                    ArticleStatus.PUBLISHED, Instant.now(), null, null));
            pages.add("/" + sectionSlug + "/" + slug);
        }
        for (int p = 2; p <= (vectors.size() + SiteController.LISTING_PAGE_SIZE - 1) / SiteController.LISTING_PAGE_SIZE; p++) {
            pages.add("/" + sectionSlug + "?page=" + p);
        }
        for (String page : pages) {
            open(page);
            assertNoScriptRan(page);
        }
        assertThat(pages).hasSizeGreaterThan(vectors.size());
    }

    private static void assertNoScriptRan(String page) {
        try {
            String text = browser.switchTo().alert().getText();
            throw new AssertionError("A dialog opened on " + page + ": " + text);
        } catch (NoAlertPresentException expected) {
            // no dialog: good
        }
        assertThat(browser.executeScript("return typeof window.__pwned")).as(page).isEqualTo("undefined");
    }

    /** Fields with a length limit get the vector cut to that limit, as a form would. */
    private static String upTo(int length, String text) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    static List<String> vectors() throws IOException {
        try (InputStream in = XssCorpusInBrowserTest.class.getResourceAsStream("/xss/owasp-filter-evasion.txt")) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
    }
}
