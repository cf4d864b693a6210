package news.broadsheet.site;

import static news.broadsheet.site.FeedsTest.children;
import static news.broadsheet.site.FeedsTest.child;
import static news.broadsheet.site.FeedsTest.text;
import static news.broadsheet.site.FeedsTest.xml;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import news.broadsheet.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Element;

/** Sitemaps per sitemaps.org 0.9 with Google's image and news extensions, and the robots.txt that names them. */
class SitemapsTest extends IntegrationTest {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    @Autowired
    SitemapQueries queries;

    @Test
    void robotsTxtPointsAtTheSitemaps() {
        String robots = get("/robots.txt").body();
        assertThat(robots).contains("User-agent: *", "Disallow: /newsroom/",
                "Sitemap: http://localhost:" + port + "/sitemap.xml", "Sitemap: http://localhost:" + port + "/sitemaps/news.xml");
    }

    @Test
    void indexListsEverySitemapAndEachOneResolves() {
        Element index = xml(get("/sitemap.xml").body()).getDocumentElement();
        assertThat(index.getLocalName()).isEqualTo("sitemapindex");
        assertThat(index.getNamespaceURI()).isEqualTo(SITEMAP_NS);
        List<Element> sitemaps = children(index, "sitemap");
        assertThat(sitemaps).extracting(s -> text(s, "loc")).contains(
                "http://localhost:" + port + "/sitemaps/pages.xml",
                "http://localhost:" + port + "/sitemaps/articles-1.xml",
                "http://localhost:" + port + "/sitemaps/news.xml");
        for (Element sitemap : sitemaps) {
            OffsetDateTime.parse(text(sitemap, "lastmod"));
            String path = text(sitemap, "loc").substring(("http://localhost:" + port).length());
            assertThat(get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(get("/sitemaps/articles-2.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void articleSitemapHasEveryPublishedStoryWithLastmodAndLeadImage() {
        Element urlset = xml(get("/sitemaps/articles-1.xml").body()).getDocumentElement();
        List<Element> urls = children(urlset, "url");
        assertThat((long) urls.size()).isEqualTo(queries.countPublished()).isLessThanOrEqualTo(SitemapController.URLS_PER_SITEMAP);
        assertThat(urls).extracting(u -> text(u, "loc"))
                .contains("http://localhost:" + port + "/world/ceasefire-talks-resume-in-geneva-as-aid-corridor-opens")
                .doesNotHaveDuplicates();
        for (Element url : urls) {
            OffsetDateTime.parse(text(url, "lastmod"));
        }
        assertThat(urls).anySatisfy(u -> assertThat(text(child(u, "image"), "loc")).startsWith("http://localhost:" + port + "/media/"));
    }

    @Test
    void newsSitemapHasOnlyTheLast48Hours() {
        Element urlset = xml(get("/sitemaps/news.xml").body()).getDocumentElement();
        List<Element> urls = children(urlset, "url");
        assertThat(urls).isNotEmpty();
        Instant cutoff = Instant.now().minus(SitemapController.NEWS_WINDOW).minusSeconds(60);
        for (Element url : urls) {
            Element news = child(url, "news");
            assertThat(news.getNamespaceURI()).isEqualTo("http://www.google.com/schemas/sitemap-news/0.9");
            assertThat(text(child(news, "publication"), "name")).isNotBlank();
            assertThat(text(child(news, "publication"), "language")).matches("[a-z]{2,3}");
            assertThat(text(news, "title")).isNotBlank();
            assertThat(OffsetDateTime.parse(text(news, "publication_date")).toInstant()).isAfter(cutoff);
        }
        assertThat(urls.size()).isLessThan((int) queries.countPublished());
    }

    @Test
    void pagesSitemapListsHomeSectionsTopicsAndAuthors() {
        List<String> locs = children(xml(get("/sitemaps/pages.xml").body()).getDocumentElement(), "url").stream()
                .map(u -> text(u, "loc")).toList();
        String base = "http://localhost:" + port;
        assertThat(locs).contains(base + "/", base + "/world", base + "/author/amara-okafor");
        assertThat(locs).anySatisfy(l -> assertThat(l).startsWith(base + "/tag/"));
    }
}
