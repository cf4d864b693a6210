package news.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import news.broadsheet.IntegrationTest;
import news.broadsheet.api.ApiKeyRepository.Kind;
import news.broadsheet.content.ArticleDraft;
import news.broadsheet.content.ArticleService;
import news.broadsheet.content.ArticleStatus;
import news.broadsheet.content.AuthorRepository;
import news.broadsheet.content.SectionRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The Content API as a client sees it over HTTP, every answer checked against the OpenAPI
 * document it serves. The stories are dated in 1991 and carry a tag of their own, so they
 * neither push demo stories off shared listings nor depend on them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentApiTest extends IntegrationTest {

    private static final Instant BASE = Instant.parse("1991-03-04T08:00:00Z");

    @Autowired
    ArticleService articles;
    @Autowired
    SectionRepository sections;
    @Autowired
    AuthorRepository authors;
    @Autowired
    ApiKeys keys;
    @Autowired
    JdbcClient db;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String tag = "Wire archive " + run;
    private final String tagSlug = "wire-archive-" + run;
    private final List<Long> ids = new ArrayList<>();
    private OpenApiContract contract;
    private long gatedId;
    private long draftId;

    @BeforeAll
    void publishFixtures() {
        long science = sections.findBySlug("science").orElseThrow().id();
        long politics = sections.findBySlug("politics").orElse(sections.findAll().getLast()).id();
        long amara = authors.findBySlug("amara-okafor").orElseThrow().id();
        long helene = authors.findBySlug("helene-marchetti").orElseThrow().id();
        // Odd but real bodies: entities, a relative link, a non-Latin script, an ampersand in a headline.
        ids.add(publish("tides-" + run, science, "Tides & the moon: a survey", "fr", List.of(amara), BASE,
                "Les marées &amp; la lune.\n\nSee [the chart](/media/chart.png) — «&nbsp;ici&nbsp;»."));
        ids.add(publish("harbour-" + run, politics, "Harbour board meets", "en", List.of(helene), BASE.plus(Duration.ofDays(1)),
                "The board met at 7&nbsp;pm.\n\n日本語の段落もある。"));
        ids.add(publish("ferry-" + run, science, "Ferry timetable", "en", List.of(amara, helene), BASE.plus(Duration.ofDays(2)),
                "Ferries leave hourly."));
        // Same publication time as the ferry story: the cursor must order by id too.
        ids.add(publish("lighthouse-" + run, science, "Lighthouse keeper retires", "en", List.of(amara), BASE.plus(Duration.ofDays(2)),
                "Forty years on the rock."));
        gatedId = publish("archive-gated-" + run, science, "The gated archive story", "en", List.of(amara), BASE.plus(Duration.ofDays(3)),
                "First free paragraph.\n\nSecond free paragraph.\n\nThird free paragraph.\n\nFourth, for subscribers only.\n\nFifth, withheld too.");
        ids.add(gatedId);
        db.sql("INSERT INTO article_reader_options (article_id, comments_enabled, subscribers_only) VALUES (:id, NULL, TRUE)")
                .param("id", gatedId).update();
        draftId = articles.create(new ArticleDraft("draft-" + run, science, "Not yet public", "", "Secret draft text.", "en", null, null,
                List.of(amara), List.of(tag), List.of(), null, ArticleStatus.DRAFT, null, null, null));
        contract = new OpenApiContract(get("/api/v1/openapi.json").body());
    }

    private long publish(String slug, long section, String headline, String language, List<Long> byline, Instant at, String body) {
        return articles.create(new ArticleDraft(slug, section, headline, "A standfirst for " + headline, body, language, null, null,
                byline, List.of(tag), List.of(), null, ArticleStatus.PUBLISHED, at, at, null));
    }

    private JsonNode ok(String template, String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return contract.check(template, 200, response.body());
    }

    private String badRequest(String template, String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        return contract.check(template, 400, response.body()).path("error").path("message").asString();
    }

    private static List<String> slugs(JsonNode list) {
        List<String> slugs = new ArrayList<>();
        list.path("articles").forEach(a -> slugs.add(a.path("slug").asString()));
        return slugs;
    }

    @Test
    void cursorPagingWalksTheTagNewestFirstWithoutRepeatsOrGaps() {
        List<String> seen = new ArrayList<>();
        String next = "/api/v1/articles?tag=" + tagSlug + "&limit=2";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> response = get(next);
            JsonNode page = contract.check("/api/v1/articles", 200, response.body());
            seen.addAll(slugs(page));
            pages++;
            next = page.path("next").isNull() ? null : URI.create(page.path("next").asString()).getRawPath() + "?"
                    + URI.create(page.path("next").asString()).getRawQuery();
            if (next != null) {
                assertThat(response.headers().firstValue("link").orElseThrow()).contains("rel=\"next\"").contains("cursor=");
            }
        }
        assertThat(pages).isEqualTo(3);
        // The lighthouse and ferry stories share a publication time; the higher id comes first.
        assertThat(seen).containsExactly("archive-gated-" + run, "lighthouse-" + run, "ferry-" + run, "harbour-" + run, "tides-" + run);
    }

    @Test
    void filtersNarrowByAuthorSectionLanguageAndDates() {
        assertThat(slugs(ok("/api/v1/articles", "/api/v1/articles?tag=" + tagSlug + "&author=helene-marchetti")))
                .containsExactly("ferry-" + run, "harbour-" + run);
        assertThat(slugs(ok("/api/v1/articles", "/api/v1/articles?tag=" + tagSlug + "&language=fr"))).containsExactly("tides-" + run);
        assertThat(slugs(ok("/api/v1/articles", "/api/v1/articles?tag=" + tagSlug + "&section=science&published_from=1991-03-05&published_to=1991-03-06")))
                .containsExactly("lighthouse-" + run, "ferry-" + run);
        assertThat(slugs(ok("/api/v1/articles", "/api/v1/articles?tag=" + tagSlug + "&published_to=1991-03-04T12:00:00Z")))
                .containsExactly("tides-" + run);
        assertThat(slugs(ok("/api/v1/articles", "/api/v1/articles?tag=" + tagSlug + "&updated_since=1991-03-07"))).containsExactly("archive-gated-" + run);
    }

    @Test
    void oneArticleCarriesItsBylineTagsAndSanitizedBody() {
        JsonNode article = ok("/api/v1/articles/{slug}", "/api/v1/articles/tides-" + run).path("article");
        assertThat(article.path("headline").asString()).isEqualTo("Tides & the moon: a survey");
        assertThat(article.path("url").asString()).isEqualTo("http://localhost:" + port + "/science/tides-" + run);
        assertThat(article.path("authors").get(0).path("slug").asString()).isEqualTo("amara-okafor");
        assertThat(article.path("tags").get(0).path("slug").asString()).isEqualTo(tagSlug);
        assertThat(article.path("body_html").asString()).contains("Les marées &amp; la lune.").contains("href=\"/media/chart.png\"");
        assertThat(article.path("body_complete").asBoolean()).isTrue();
        assertThat(article.path("published_at").asString()).isEqualTo("1991-03-04T08:00:00Z");
    }

    @Test
    void aGatedStoryServesOnlyWhatAnAnonymousReaderSees() {
        JsonNode article = ok("/api/v1/articles/{slug}", "/api/v1/articles/archive-gated-" + run).path("article");
        assertThat(article.path("body_complete").asBoolean()).isFalse();
        assertThat(article.path("body_html").asString()).contains("Third free paragraph.").doesNotContain("Fourth").doesNotContain("Fifth");
        JsonNode listed = ok("/api/v1/articles", "/api/v1/articles?tag=" + tagSlug + "&limit=1&fields=slug,body_html,body_complete");
        assertThat(listed.path("articles").get(0).path("body_html").asString()).doesNotContain("Fourth");
        // A key identifies a client; it is not a subscription.
        String key = keys.create(Kind.CONTENT, "Gate probe " + run, null).secret();
        assertThat(get("/api/v1/articles/archive-gated-" + run + "?key=" + key).body()).doesNotContain("Fourth");
    }

    @Test
    void draftsAndUnknownSlugsAreNotFound() {
        HttpResponse<String> draft = get("/api/v1/articles/draft-" + run);
        assertThat(draft.statusCode()).isEqualTo(404);
        assertThat(contract.check("/api/v1/articles/{slug}", 404, draft.body()).path("error").path("message").asString())
                .isEqualTo("No published article has the slug 'draft-" + run + "'.");
        assertThat(get("/api/v1/articles?tag=" + tagSlug + "&limit=100").body()).doesNotContain("Secret draft text").doesNotContain("draft-" + run);
    }

    @Test
    void fieldsSelectsWhatIsReturnedAndNamesTheChoicesWhenWrong() {
        JsonNode list = ok("/api/v1/articles", "/api/v1/articles?tag=" + tagSlug + "&fields=id,slug");
        list.path("articles").forEach(a -> assertThat(a.propertyNames()).containsExactly("id", "slug"));
        assertThat(badRequest("/api/v1/articles", "/api/v1/articles?fields=id,bodyhtml"))
                .startsWith("Unknown field 'bodyhtml' in fields; choose from authors, body_complete, body_html,");
    }

    @Test
    void malformedParametersAreRefusedWithThePrecisePoint() {
        assertThat(badRequest("/api/v1/articles", "/api/v1/articles?limit=0")).isEqualTo("limit must be a whole number from 1 to 100; got '0'.");
        assertThat(badRequest("/api/v1/articles", "/api/v1/articles?limit=ten")).isEqualTo("limit must be a whole number from 1 to 100; got 'ten'.");
        assertThat(badRequest("/api/v1/articles", "/api/v1/articles?cursor=not-ours"))
                .startsWith("cursor is not one this API gave out");
        assertThat(badRequest("/api/v1/articles", "/api/v1/articles?published_from=yesterday"))
                .isEqualTo("published_from must be a date (2026-03-01) or a time with its offset (2026-03-01T09:30:00Z); got 'yesterday'.");
        assertThat(badRequest("/api/v1/articles", "/api/v1/articles?published_from=1991-03-05&published_to=1991-03-01"))
                .isEqualTo("published_to is before published_from.");
        assertThat(badRequest("/api/v1/articles", "/api/v1/articles?tag=" + URLEncoder.encode("Wire Archive", StandardCharsets.UTF_8)))
                .isEqualTo("tag must be a slug (lowercase letters, digits and single hyphens); got 'Wire Archive'.");
        assertThat(badRequest("/api/v1/search", "/api/v1/search?q=" + "word+".repeat(30)))
                .startsWith("Searches can have at most 24 words.");
        assertThat(badRequest("/api/v1/search", "/api/v1/search")).isEqualTo("Give words to search for (q) or at least one filter.");
    }

    @Test
    void aKeyIsOptionalButABadOneIsRefused() {
        String key = keys.create(Kind.CONTENT, "Partner app " + run, null).secret();
        assertThat(key).matches("[0-9a-f]{26}");
        assertThat(get("/api/v1/articles?limit=1&key=" + key).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/sections")).header("Authorization", "Bearer " + key).build()).statusCode())
                .isEqualTo(200);
        for (String path : List.of("/api/v1/articles", "/api/v1/articles/tides-" + run, "/api/v1/sections", "/api/v1/tags",
                "/api/v1/authors", "/api/v1/search")) {
            HttpResponse<String> refused = get(path + "?key=0123456789abcdef0123456789");
            assertThat(refused.statusCode()).as(path).isEqualTo(401);
            String template = path.startsWith("/api/v1/articles/") ? "/api/v1/articles/{slug}" : path;
            assertThat(contract.check(template, 401, refused.body()).path("error").path("message").asString())
                    .isEqualTo("The API key is not a live Content API key. Leave it out to read anonymously.");
        }
        long id = keys.all().stream().filter(k -> k.name().equals("Partner app " + run)).findFirst().orElseThrow().id();
        keys.revoke(id);
        assertThat(get("/api/v1/articles?limit=1&key=" + key).statusCode()).isEqualTo(401);
    }

    @Test
    void anUnchangedAnswerIsA304AndNoSessionIsMade() {
        HttpResponse<String> first = get("/api/v1/articles?tag=" + tagSlug);
        String etag = first.headers().firstValue("etag").orElseThrow();
        assertThat(first.headers().firstValue("set-cookie")).isEmpty();
        assertThat(first.headers().firstValue("cache-control").orElseThrow()).contains("public");
        HttpResponse<String> again = send(HttpRequest.newBuilder(uri("/api/v1/articles?tag=" + tagSlug)).header("If-None-Match", etag).build());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        HttpResponse<String> other = send(HttpRequest.newBuilder(uri("/api/v1/articles?tag=" + tagSlug + "&limit=1"))
                .header("If-None-Match", etag).build());
        assertThat(other.statusCode()).isEqualTo(200);
    }

    @Test
    void browsersOnOtherOriginsMayReadButNotWithCredentials() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/sections")).header("Origin", "https://front.example").build());
        assertThat(response.headers().firstValue("access-control-allow-origin")).contains("*");
        assertThat(response.headers().firstValue("access-control-allow-credentials")).isEmpty();
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(uri("/api/v1/articles"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://front.example").header("Access-Control-Request-Method", "GET").build());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("access-control-allow-methods").orElseThrow()).contains("GET").doesNotContain("POST");
    }

    @Test
    void sectionsTagsAuthorsAndSearchMatchTheDocument() {
        JsonNode sectionList = ok("/api/v1/sections", "/api/v1/sections");
        assertThat(sectionList.path("sections").findValuesAsString("slug")).contains("science");
        JsonNode tagList = ok("/api/v1/tags", "/api/v1/tags");
        assertThat(tagList.path("tags").findValuesAsString("slug")).contains(tagSlug);
        JsonNode authorList = ok("/api/v1/authors", "/api/v1/authors");
        assertThat(authorList.path("authors").findValuesAsString("slug")).contains("amara-okafor");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode results = ok("/api/v1/search", "/api/v1/search?q=lighthouse+keeper+retires&tag=" + tagSlug);
            assertThat(results.path("results").findValuesAsString("slug")).containsExactly("lighthouse-" + run);
        });
    }

    @Test
    void theDocumentIsOpenApi31AndDescribesEveryContentEndpoint() {
        JsonNode document = contract.document();
        assertThat(document.path("openapi").asString()).isEqualTo("3.1.0");
        assertThat(document.path("paths").propertyNames()).contains("/api/v1/articles", "/api/v1/articles/{slug}", "/api/v1/sections",
                "/api/v1/tags", "/api/v1/authors", "/api/v1/search");
        assertThat(document.path("info").path("description").asString()).contains("anonymous reader");
    }
}
