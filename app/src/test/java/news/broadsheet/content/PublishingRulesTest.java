package news.broadsheet.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import news.broadsheet.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What readers may see: only published stories, always escaped, at a URL that keeps working. */
class PublishingRulesTest extends IntegrationTest {

    static final String SCRIPT = "<script>window.pwned=1</script>";

    @Autowired
    ArticleService articleService;
    @Autowired
    SectionRepository sections;
    @Autowired
    AuthorRepository authors;
    @Autowired
    SourceRepository sources;

    @Test
    void draftsScheduledAndUnpublishedStoriesAreNeverPublic() {
        for (ArticleStatus status : List.of(ArticleStatus.DRAFT, ArticleStatus.IN_REVIEW, ArticleStatus.SCHEDULED, ArticleStatus.UNPUBLISHED)) {
            String slug = "hidden-" + status.name().toLowerCase().replace('_', '-') + "-" + unique();
            Instant scheduled = status == ArticleStatus.SCHEDULED ? Instant.now().plus(Duration.ofDays(1)) : null;
            articleService.create(draft(slug, "Hidden story " + slug, "Not for readers yet.", status, List.of("Embargoed"), scheduled));

            assertThat(get("/world/" + slug).statusCode()).as(status + " article page").isEqualTo(404);
            assertThat(get("/").body()).as(status + " on home").doesNotContain(slug);
            assertThat(get("/world").body()).as(status + " on section").doesNotContain(slug);
            HttpResponse<String> tag = get("/tag/embargoed");
            assertThat(tag.body()).as(status + " on tag page").doesNotContain(slug);
            assertThat(get("/author/amara-okafor").body()).as(status + " on author page").doesNotContain(slug);
        }
    }

    @Test
    void scriptInAnyFieldIsRenderedAsText() {
        String slug = "escaping-" + unique();
        long sourceId = sources.insert("Outlet " + SCRIPT, "https://outlet.example/");
        articleService.create(new ArticleDraft(slug, sectionId(), "Headline " + SCRIPT, "Standfirst " + SCRIPT,
                "Body " + SCRIPT + "\n\n<img src=x onerror=\"window.pwned=2\">\n\n[link](javascript:window.pwned=3)",
                "en", null, null, List.of(authorId()), List.of("Tag " + SCRIPT),
                List.of(), new ArticleDraft.AttributionDraft(sourceId, "https://outlet.example/story?a=1&b=<x>", true, false, Instant.now()),
                ArticleStatus.PUBLISHED, Instant.now(), null, null));

        HttpResponse<String> response = get("/world/" + slug);
        assertThat(response.statusCode()).isEqualTo(200);
        String html = response.body();
        assertThat(html).doesNotContain("<script>window.pwned");
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("script:not([type=application/ld+json])")).isEmpty();
        assertThat(doc.select("*").stream().flatMap(e -> e.attributes().asList().stream()))
                .noneMatch(a -> a.getKey().startsWith("on") || a.getValue().contains("javascript:"));
        assertThat(doc.selectFirst("h1").text()).isEqualTo("Headline " + SCRIPT);
        assertThat(doc.selectFirst(".standfirst").text()).isEqualTo("Standfirst " + SCRIPT);
        assertThat(doc.selectFirst(".story-body").text()).contains("Body " + SCRIPT);
        assertThat(doc.selectFirst(".attribution").text()).contains("Outlet " + SCRIPT);
        assertThat(doc.select(".tags a").text()).contains("Tag " + SCRIPT);
        assertThat(doc.select("title").text()).startsWith("Headline " + SCRIPT);
        // The story also appears in lists, escaped there too.
        assertThat(get("/world").body()).doesNotContain("<script>window.pwned");
    }

    @Test
    void anOldSlugAnswersWithAPermanentRedirectToTheNewURL() {
        String oldSlug = "renamed-before-" + unique();
        String newSlug = "renamed-after-" + unique();
        long id = articleService.create(draft(oldSlug, "A story that will be renamed", "Body.", ArticleStatus.PUBLISHED, List.of(), null));
        assertThat(get("/world/" + oldSlug).statusCode()).isEqualTo(200);

        assertThat(articleService.changeSlug(id, newSlug)).isTrue();

        HttpResponse<String> moved = get("/world/" + oldSlug);
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).endsWith("/world/" + newSlug));
        assertThat(get("/world/" + newSlug).statusCode()).isEqualTo(200);
        // The wrong section in the path also redirects to the article's real home.
        HttpResponse<String> wrongSection = get("/sport/" + newSlug);
        assertThat(wrongSection.statusCode()).isEqualTo(301);
        assertThat(wrongSection.headers().firstValue("location")).hasValueSatisfying(l -> assertThat(l).endsWith("/world/" + newSlug));
    }

    private ArticleDraft draft(String slug, String headline, String body, ArticleStatus status, List<String> tags, Instant scheduled) {
        Instant published = status == ArticleStatus.PUBLISHED ? Instant.now() : null;
        return new ArticleDraft(slug, sectionId(), headline, "", body, "en", null, null, List.of(authorId()), tags,
                List.of(), null, status, published, null, scheduled);
    }

    private long sectionId() {
        return sections.findBySlug("world").orElseThrow().id();
    }

    private long authorId() {
        return authors.findBySlug("amara-okafor").orElseThrow().id();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
