package news.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;

import news.broadsheet.IntegrationTest;
import news.broadsheet.content.ArticleDraft;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.SectionRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Cached pages are fast and never stale. */
class PageCacheTest extends IntegrationTest {

    @Autowired
    ArticleService articles;
    @Autowired
    SectionRepository sections;
    @Autowired
    AuthorRepository authors;
    @Autowired
    JdbcClient db;

    @Test
    void aPublishedStoryAppearsOnCachedListsAtOnce() {
        get("/");
        get("/science");
        assertThat(get("/").headers().firstValue("etag")).isPresent();
        String slug = "cache-publish-" + System.nanoTime();
        publish(slug, "Freshly published for the cache test");
        assertThat(get("/").body()).contains(slug);
        assertThat(get("/science").body()).contains(slug);
    }

    @Test
    void aRenamedStoryLeavesNoStalePageBehind() {
        String slug = "cache-rename-" + System.nanoTime();
        long id = publish(slug, "A story about to be renamed");
        assertThat(get("/science/" + slug).statusCode()).isEqualTo(200);
        articles.changeSlug(id, slug + "-new");
        assertThat(get("/science/" + slug).statusCode()).isEqualTo(301);
        assertThat(get("/science").body()).contains(slug + "-new\"");
    }

    @Test
    void anEditAndAnUnpublishLeaveNoStalePageBehind() {
        String slug = "cache-edit-" + System.nanoTime();
        long id = publish(slug, "Before the edit");
        assertThat(get("/science/" + slug).body()).contains("Before the edit");
        var current = articles.forEditing(id).orElseThrow();
        var edit = current.edit();
        articles.update(id, current.article().version(), new news.broadsheet.content.ArticleEdit(edit.slug(), edit.sectionId(),
                "After the edit", edit.standfirst(), edit.bodyMarkdown(), edit.language(), edit.leadFigureId(), edit.authorIds(),
                edit.tagNames(), edit.embeds(), edit.attribution(), edit.seoTitle(), edit.seoDescription()), "Cache Test");
        assertThat(get("/science/" + slug).body()).contains("After the edit").doesNotContain("Before the edit");
        assertThat(get("/science").body()).contains("After the edit");

        long version = articles.forEditing(id).orElseThrow().article().version();
        articles.changeStatus(id, version, ArticleStatus.UNPUBLISHED, null, false, "Cache Test");
        assertThat(get("/science/" + slug).statusCode()).isEqualTo(404);
        assertThat(get("/science").body()).doesNotContain(slug);
    }

    @Test
    void aChangeMadeByAnotherNodeReachesThisOneThroughTheChangeLog() throws Exception {
        String slug = "cache-other-node-" + System.nanoTime();
        long sectionId = sections.findBySlug("science").orElseThrow().id();
        get("/science");
        // Another node writes the article and its change row; no in-process event reaches us.
        long id = db.sql("""
                INSERT INTO articles (slug, section_id, headline, status, language, created_at, published_at)
                VALUES (:slug, :section, 'Written on another node', 'PUBLISHED', 'en', :now, :now) RETURNING id""")
                .param("slug", slug).param("section", sectionId).param("now", System.currentTimeMillis())
                .query(Long.class).single();
        db.sql("INSERT INTO article_authors (article_id, author_id, position) VALUES (:id, :author, 0)")
                .param("id", id).param("author", authors.findBySlug("amara-okafor").orElseThrow().id()).update();
        db.sql("INSERT INTO changes (kind, article_id, at) VALUES ('ARTICLE_PUBLISHED', :id, :now)")
                .param("id", id).param("now", System.currentTimeMillis()).update();
        long deadline = System.currentTimeMillis() + 5_000;
        while (!get("/science").body().contains(slug) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(get("/science").body()).contains(slug);
    }

    @Test
    void revalidationAnswers304ToTheSameETagAndDate() {
        // A change event from another test may re-render the page mid-way; then the old tag is rightly stale, so try again.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> first = get("/world");
            String etag = first.headers().firstValue("etag").orElseThrow();
            String lastModified = first.headers().firstValue("last-modified").orElseThrow();
            assertThat(etag).matches("\"[A-Za-z0-9_-]+\"");
            assertThat(first.headers().firstValue("cache-control")).hasValue(PageCacheFilter.CACHE_CONTROL);

            HttpResponse<String> byTag = send(HttpRequest.newBuilder(uri("/world")).header("If-None-Match", etag).build());
            assertThat(byTag.statusCode()).isEqualTo(304);
            assertThat(byTag.body()).isEmpty();
            HttpResponse<String> byDate = send(HttpRequest.newBuilder(uri("/world")).header("If-Modified-Since", lastModified).build());
            assertThat(byDate.statusCode()).isEqualTo(304);
        });
        HttpResponse<String> otherTag = send(HttpRequest.newBuilder(uri("/world")).header("If-None-Match", "\"nope\"").build());
        assertThat(otherTag.statusCode()).isEqualTo(200);
    }

    @Test
    void gzippedAndPlainBodiesAreTheSamePage() {
        // Another test's change event may re-render the page between the two requests; the pair
        // is only comparable when both came from one cache entry (one ETag).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            HttpResponse<String> plain = get("/world");
            HttpResponse<byte[]> gzipped = sendBytes(HttpRequest.newBuilder(uri("/world")).header("Accept-Encoding", "gzip").build());
            assertThat(gzipped.headers().firstValue("content-encoding")).hasValue("gzip");
            assertThat(gzipped.headers().firstValue("vary")).hasValue("Accept-Encoding");
            assertThat(gzipped.headers().firstValue("etag")).isEqualTo(plain.headers().firstValue("etag"));
            String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(unzipped).isEqualTo(plain.body());
            assertThat(gzipped.body().length).isLessThan(plain.body().length() / 2);
        });
    }

    @Test
    void cachedPagesKeepSecurityHeadersOnceAndSetNoCookie() {
        // A query of its own, so the first request is the miss that renders and stores the page.
        String path = "/business?headers=" + System.nanoTime();
        HttpResponse<String> miss = get(path);
        HttpResponse<String> hit = get(path);
        assertThat(hit.headers().allValues("set-cookie")).isEmpty();
        for (HttpResponse<String> response : List.of(miss, hit)) {
            assertThat(response.headers().allValues("x-content-type-options")).containsExactly("nosniff");
            assertThat(response.headers().allValues("x-frame-options")).containsExactly("DENY");
        }
        assertThat(hit.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    }

    @Test
    void theStylesheetIsFingerprintedAndCachedForAYear() {
        String href = page("/").selectFirst("link[rel=stylesheet]").attr("href");
        assertThat(href).matches("/assets/site-[0-9a-f]{32}\\.css");
        HttpResponse<String> css = get(href);
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("cache-control")).hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000", "immutable"));
        assertThat(css.headers().allValues("set-cookie")).isEmpty();
    }

    @Test
    void anArticlePageWithItsStylesheetWeighsUnder30Kilobytes() {
        String article = get("/world/ceasefire-talks-resume-in-geneva-as-aid-corridor-opens").body();
        String css = get(page("/").selectFirst("link[rel=stylesheet]").attr("href")).body();
        assertThat(article.getBytes(StandardCharsets.UTF_8).length + css.getBytes(StandardCharsets.UTF_8).length).isLessThan(30 * 1024);
    }

    @Test
    void errorPagesAndTheNewsroomAreNeverCached() {
        assertThat(get("/no-such-section").headers().firstValue("etag")).isEmpty();
        assertThat(get("/newsroom/login").headers().firstValue("cache-control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    private long publish(String slug, String headline) {
        return articles.create(new ArticleDraft(slug, sections.findBySlug("science").orElseThrow().id(), headline, "", "Body.",
                "en", null, null, List.of(authors.findBySlug("amara-okafor").orElseThrow().id()), List.of(), List.of(), null,
                ArticleStatus.PUBLISHED, Instant.now(), null, null));
    }

    private HttpResponse<byte[]> sendBytes(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
