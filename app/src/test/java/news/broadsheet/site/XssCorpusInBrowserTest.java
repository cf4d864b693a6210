package news.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import news.broadsheet.BrowserTest;
import news.broadsheet.XssVectors;
import news.broadsheet.content.ArticleDraft;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.Embed;
import news.broadsheet.content.SectionRepository;
import news.broadsheet.content.SourceRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The OWASP filter-evasion corpus (src/test/resources/xss) put into every field a story has,
 * then every page that shows those fields opened in a real browser: no injected script may run.
 * Search queries and result snippets are covered here; ingested feeds in the ingest package.
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
    void noVectorRunsScriptOnAnyPageThatShowsIt() {
        List<String> vectors = XssVectors.all();
        assertThat(vectors).hasSizeGreaterThan(100);
        String sectionSlug = "xss-lab-" + System.nanoTime();
        long sectionId = sections.insert(sectionSlug, "XSS " + vectors.getFirst(), vectors.get(1), 99);
        long authorId = authors.findBySlug("amara-okafor").orElseThrow().id();
        List<String> pages = new ArrayList<>(List.of("/", "/" + sectionSlug));
        for (int i = 0; i < vectors.size(); i++) {
            String vector = vectors.get(i);
            String slug = sectionSlug + "-" + i;
            long sourceId = sources.insert(XssVectors.upTo(200, vector), "https://partner.example/");
            articles.create(new ArticleDraft(slug, sectionId, vector, vector,
                    vector + "\n\n" + "Paragraph " + vector + "\n\n> " + vector + "\n\n- " + vector,
                    "en", null, null, List.of(authorId), List.of(XssVectors.upTo(120, "tag " + i + " " + vector)),
                    List.of(new Embed("https://video.example/" + i, XssVectors.upTo(120, vector), vector, null)),
                    new ArticleDraft.AttributionDraft(sourceId, "https://partner.example/" + i, true, true, Instant.now()),
                    ArticleStatus.PUBLISHED, Instant.now(), null, null));
            pages.add("/" + sectionSlug + "/" + slug);
        }
        for (int p = 2; p <= (vectors.size() + SiteController.LISTING_PAGE_SIZE - 1) / SiteController.LISTING_PAGE_SIZE; p++) {
            pages.add("/" + sectionSlug + "?page=" + p);
        }
        // Search: every vector as a query, and result pages whose highlighted snippets quote the vectors.
        for (String vector : vectors) {
            pages.add("/search?q=" + URLEncoder.encode(XssVectors.upTo(500, vector), StandardCharsets.UTF_8));
        }
        for (String word : List.of("Paragraph", "script", "alert", "onerror", "javascript")) {
            pages.add("/search?q=" + word);
            pages.add("/search?q=" + word + "&page=2");
        }
        for (String page : pages) {
            open(page);
            XssVectors.assertNoScriptRan(browser, page);
        }
        assertThat(pages).hasSizeGreaterThan(vectors.size());
    }
}
