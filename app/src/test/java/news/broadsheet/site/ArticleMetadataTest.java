package news.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import news.broadsheet.IntegrationTest;
import news.broadsheet.content.ArticleDraft;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.SectionRepository;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What machines read from an article page: Open Graph, Twitter card and schema.org NewsArticle. */
class ArticleMetadataTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ArticleService articleService;
    @Autowired
    SectionRepository sections;
    @Autowired
    AuthorRepository authors;

    @Test
    void openGraphAndTwitterCardDescribeTheStory() {
        Document doc = page(ArticlePageTest.SHOWCASE);
        assertThat(meta(doc, "og:type")).isEqualTo("article");
        assertThat(meta(doc, "og:title")).isEqualTo("Ceasefire talks resume in Geneva as aid corridor opens");
        assertThat(meta(doc, "og:url")).isEqualTo(doc.selectFirst("link[rel=canonical]").attr("href"));
        assertThat(meta(doc, "og:image")).startsWith("http://localhost:" + port + "/media/");
        assertThat(meta(doc, "og:image:alt")).isNotBlank();
        OffsetDateTime.parse(meta(doc, "article:published_time"));
        assertThat(doc.selectFirst("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        assertThat(doc.selectFirst("meta[name=twitter:title]").attr("content")).isEqualTo(meta(doc, "og:title"));
    }

    @Test
    void newsArticleJsonLdNamesAuthorsPublisherAndTheOriginal() {
        JsonNode ld = jsonLd(page(ArticlePageTest.SHOWCASE));
        assertThat(ld.get("@context").asString()).isEqualTo("https://schema.org");
        assertThat(ld.get("@type").asString()).isEqualTo("NewsArticle");
        assertThat(ld.get("headline").asString()).isEqualTo("Ceasefire talks resume in Geneva as aid corridor opens");
        assertThat(ld.get("image").get(0).asString()).startsWith("http://localhost:" + port + "/media/");
        OffsetDateTime.parse(ld.get("datePublished").asString());
        assertThat(OffsetDateTime.parse(ld.get("dateModified").asString()))
                .isAfterOrEqualTo(OffsetDateTime.parse(ld.get("datePublished").asString()));
        assertThat(ld.get("author").valueStream().map(a -> a.get("name").asString()).toList())
                .contains("Hélène Marchetti", "Amara Okafor");
        assertThat(ld.get("publisher").get("name").asString()).isNotBlank();
        assertThat(ld.get("isAccessibleForFree").asBoolean()).isTrue();
        assertThat(ld.get("isBasedOn").get("url").asString())
                .isEqualTo("https://meridianpost.example/world/2026/11/ceasefire-talks-resume-in-geneva-as-aid-corridor-opens");
    }

    @Test
    void ownReportingHasNoIsBasedOn() {
        Document doc = page("/business/when-r-and-d-budgets-trail-inflation-why-made-in-britain-is-stalling");
        assertThat(jsonLd(doc).has("isBasedOn")).isFalse();
    }

    @Test
    void aHeadlineThatTriesToCloseTheScriptStaysInsideIt() {
        String hostile = "Evil </script><script>alert(1)</script> & <!-- head\u2028line";
        String slug = "metadata-hostile-" + System.nanoTime();
        articleService.create(new ArticleDraft(slug, sections.findBySlug("science").orElseThrow().id(), hostile, "", "Body.",
                "en", null, null, List.of(authors.findBySlug("amara-okafor").orElseThrow().id()), List.of(), List.of(), null,
                ArticleStatus.PUBLISHED, Instant.now(), null, null));
        String html = get("/science/" + slug).body();
        String script = html.substring(html.indexOf("<script type=\"application/ld+json\">"));
        script = script.substring(0, script.indexOf("</script>"));
        assertThat(script).doesNotContain("<script>", "<!--", "\u2028");
        Document doc = org.jsoup.Jsoup.parse(html);
        assertThat(doc.select("script")).hasSize(1);
        assertThat(jsonLd(doc).get("headline").asString()).isEqualTo(hostile);
    }

    @Test
    void jsonLdEscapingKeepsTheMeaning() {
        assertThat(ArticleMetadata.scriptSafe("{\"a\":\"</script>&\"}")).isEqualTo("{\"a\":\"\\u003c/script\\u003e\\u0026\"}");
        assertThat(JSON.readTree(ArticleMetadata.scriptSafe("{\"a\":\"</script>&\"}")).get("a").asString()).isEqualTo("</script>&");
    }

    private static String meta(Document doc, String property) {
        return doc.selectFirst("meta[property=" + property + "]").attr("content");
    }

    private static JsonNode jsonLd(Document doc) {
        return JSON.readTree(doc.selectFirst("script[type=application/ld+json]").data());
    }
}
